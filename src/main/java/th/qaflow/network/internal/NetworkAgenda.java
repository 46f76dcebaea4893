package th.qaflow.network.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.committee.AgendaSource;
import th.qaflow.network.NetworkCycles;
import th.qaflow.network.NetworkCycles.Cycle;
import th.qaflow.network.NetworkCycles.Network;

/**
 * Proposes the supervision network development to ก.ต.ป.น.: the year's approved plan of networks
 * (to take note), or its published report (to take note and recommend); last year's report while
 * this year has no plan yet.
 */
@Component
@Order(6)
class NetworkAgenda implements AgendaSource {
  private final NetworkCycles cycles;

  NetworkAgenda(NetworkCycles cycles) {
    this.cycles = cycles;
  }

  @Override
  public List<AgendaSuggestion> suggestions(String districtCode, int academicYearBE) {
    Cycle current = cycles.cycle(districtCode, academicYearBE).orElse(null);
    if (current != null && current.published()) {
      return List.of(report(current));
    }
    if (current != null && current.approvedAt() != null) {
      String networks =
          cycles.networks(current.id()).stream()
              .map(Network::name)
              .collect(Collectors.joining(", "));
      return List.of(
          new AgendaSuggestion(
              "NETWORK",
              "รับทราบแผนการพัฒนาเครือข่ายการนิเทศ ปีการศึกษา " + academicYearBE,
              "เครือข่ายที่จะพัฒนา: " + networks));
    }
    return cycles
        .cycle(districtCode, academicYearBE - 1)
        .filter(Cycle::published)
        .map(c -> List.of(report(c)))
        .orElse(List.of());
  }

  private static AgendaSuggestion report(Cycle cycle) {
    return new AgendaSuggestion(
        "NETWORK",
        "รับทราบรายงานผลการพัฒนาเครือข่ายการนิเทศ ปีการศึกษา " + cycle.academicYear(),
        cycle.summary() == null ? "" : cycle.summary());
  }
}
