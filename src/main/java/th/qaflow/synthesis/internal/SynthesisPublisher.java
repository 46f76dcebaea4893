package th.qaflow.synthesis.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.qaflow.district.SynthesisApproved;
import th.qaflow.synthesis.SarSynthesis;

/**
 * Publishes the report when the district cycle's publish step announces the approval. It listens
 * synchronously, inside the engine's transaction: if the report cannot be stored, the publish step
 * fails and nothing is half published.
 */
@Component
class SynthesisPublisher {
  private final SarSynthesis synthesis;
  private final PublishedReports reports;

  SynthesisPublisher(SarSynthesis synthesis, PublishedReports reports) {
    this.synthesis = synthesis;
    this.reports = reports;
  }

  @EventListener
  void on(SynthesisApproved approved) {
    reports.publish(
        approved.districtCode(),
        approved.academicYear(),
        approved.narrative(),
        approved.approvedBy(),
        approved.approvedAt(),
        synthesis.summary(approved.districtCode(), approved.academicYear()));
  }
}
