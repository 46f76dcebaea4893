package th.qaflow.committee.internal;

import static th.qaflow.committee.CommitteeMeetingProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import th.qaflow.committee.AgendaSource;
import th.qaflow.committee.AgendaSource.AgendaSuggestion;
import th.qaflow.committee.Committees.AgendaItem;
import th.qaflow.committee.Committees.Committee;
import th.qaflow.committee.Committees.Member;
import th.qaflow.committee.Committees.MemberRole;
import th.qaflow.committee.Committees.Resolution;
import th.qaflow.kernel.CommitteeMeetingCalled;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;

/**
 * The service tasks, listeners and expressions of CommitteeMeeting and MonitoringCommitteeYear
 * ({@code ${committeeSteps.…}}). They run in the engine's transaction, so the meeting's rows commit
 * with the step.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("committeeSteps")
public class CommitteeSteps {
  static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

  private final JdbcCommittees committees;
  private final ObjectProvider<AgendaSource> sources;
  private final OrganisationDirectory directory;
  private final ApplicationEventPublisher events;
  private final java.time.Clock clock;

  CommitteeSteps(
      JdbcCommittees committees,
      ObjectProvider<AgendaSource> sources,
      OrganisationDirectory directory,
      ApplicationEventPublisher events,
      java.time.Clock clock) {
    this.committees = committees;
    this.sources = sources;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  /** The year: as many meetings as the committee is set to hold. */
  public void planYear(DelegateExecution execution) {
    execution.setVariable(VAR_MEETINGS_PER_YEAR, committee(execution).meetingsPerYear());
  }

  /** The meeting's row, and the agenda proposed by every source, for the secretary's form. */
  public void open(DelegateExecution execution) {
    Committee c = committee(execution);
    long meetingId =
        committees.newMeeting(c.id(), execution.getProcessInstanceId(), year(execution));
    execution.setVariable(VAR_MEETING_ID, meetingId);
    execution.setVariable(VAR_COMMITTEE_NAME, c.name());
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean group = c.kind() == th.qaflow.committee.Committees.Kind.GROUP;
    // a school group plans its own agenda: the district's plans and reports are ก.ต.ป.น.'s
    (group ? java.util.stream.Stream.<AgendaSource>empty() : sources.orderedStream())
        .forEach(
            s -> {
              for (AgendaSuggestion a : s.suggestions(c.districtCode(), year(execution))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("agendaTitle", a.title());
                row.put("agendaNote", a.note() == null ? "" : a.note());
                row.put("agendaSource", a.source());
                rows.add(row);
              }
            });
    execution.setVariable(VAR_AGENDA_SUGGESTIONS, json(rows));
    List<Map<String, Object>> owners = new ArrayList<>();
    if (group) {
      // a school group's resolutions go to its directors or the cluster's supervisors
      for (Member m : committees.members(c.id())) {
        owners.add(Map.of("value", m.userId(), "label", m.displayName()));
      }
      committees
          .clusterOf(c.id())
          .ifPresent(
              cl -> {
                for (Person p : directory.supervisorsOfCluster(cl)) {
                  owners.add(Map.of("value", p.userId(), "label", p.displayName()));
                }
              });
    } else {
      for (Person p : directory.peopleOfDistrict(c.districtCode())) {
        if (p.role() != null && p.role().atDistrict()) {
          owners.add(Map.of("value", p.userId(), "label", p.displayName()));
        }
      }
    }
    execution.setVariable(VAR_OWNER_OPTIONS, json(owners));
  }

  /** The agenda is drafted: stored, the meeting day set, every member invited by mail. */
  public void invite(DelegateExecution execution) {
    Committee c = committee(execution);
    long meetingId = meetingId(execution);
    LocalDate day =
        LocalDate.parse(String.valueOf(execution.getVariable(VAR_MEETING_DATE)).substring(0, 10));
    Instant at = day.atTime(9, 0).atZone(BANGKOK).toInstant();
    String place = (String) execution.getVariable(VAR_MEETING_PLACE);
    List<AgendaItem> items = new ArrayList<>();
    if (execution.getVariable(VAR_AGENDA_ITEMS) instanceof List<?> rows) {
      for (Object r : rows) {
        if (r instanceof Map<?, ?> row && row.get("agendaTitle") != null) {
          Object source = row.get("agendaSource");
          Object note = row.get("agendaNote");
          items.add(
              new AgendaItem(
                  items.size() + 1,
                  source == null ? null : String.valueOf(source),
                  String.valueOf(row.get("agendaTitle")),
                  note == null ? null : String.valueOf(note)));
        }
      }
    }
    committees.called(meetingId, at, place, items);
    execution.setVariable(VAR_MEETING_AT, Date.from(at));
    events.publishEvent(
        new CommitteeMeetingCalled(
            meetingId,
            c.name(),
            at,
            place,
            committees.members(c.id()).stream().map(Member::userId).toList(),
            items.stream().map(i -> i.position() + ". " + i.title()).toList(),
            committees.clusterOf(c.id()).map(cl -> "/groups/" + cl).orElse("/committees/" + c.id()),
            clock.instant()));
  }

  /** The secretary's minutes and resolutions go to the members' vote (a new round). */
  public void saveMinutes(DelegateExecution execution) {
    Committee c = committee(execution);
    long meetingId = meetingId(execution);
    List<Resolution> resolutions = new ArrayList<>();
    StringBuilder summary = new StringBuilder();
    if (execution.getVariable(VAR_RESOLUTIONS) instanceof List<?> rows) {
      for (Object r : rows) {
        if (r instanceof Map<?, ?> row && row.get("resolutionText") != null) {
          String owner = String.valueOf(row.get("resolutionOwner"));
          LocalDate due =
              LocalDate.parse(String.valueOf(row.get("resolutionDue")).substring(0, 10));
          String text = String.valueOf(row.get("resolutionText"));
          resolutions.add(
              new Resolution(
                  0,
                  meetingId,
                  resolutions.size() + 1,
                  text,
                  owner,
                  due,
                  "DRAFT",
                  null,
                  null,
                  null));
          summary
              .append(resolutions.size())
              .append(". ")
              .append(text)
              .append(" — ")
              .append(directory.person(owner).map(Person::displayName).orElse(owner))
              .append(", ")
              .append(due)
              .append('\n');
        }
      }
    }
    committees.minutes(meetingId, (String) execution.getVariable(VAR_MINUTES), resolutions);
    execution.setVariable(
        VAR_RESOLUTION_SUMMARY, summary.isEmpty() ? "-" : summary.toString().strip());
    List<String> voters = new ArrayList<>();
    for (Member m : committees.members(c.id())) {
      if (m.role() != MemberRole.SECRETARY) {
        voters.add(m.userId());
      }
    }
    execution.setVariable(VAR_VOTERS, json(voters));
  }

  /** A member's vote, kept per round of the minutes. */
  public void voted(DelegateTask task) {
    long meetingId = ((Number) task.getVariable(VAR_MEETING_ID)).longValue();
    int round = committees.meeting(meetingId).orElseThrow().minutesRound();
    String vote = String.valueOf(task.getVariable(VAR_MINUTES_VOTE));
    Object objection = task.getVariable(VAR_MINUTES_OBJECTION);
    committees.vote(
        meetingId,
        round,
        task.getAssignee(),
        VOTE_OBJECT.equals(vote) ? VOTE_OBJECT : VOTE_APPROVE,
        VOTE_OBJECT.equals(vote) && objection != null ? String.valueOf(objection) : null);
  }

  /** Any objection in this round sends the minutes back to the secretary, with the objections. */
  public void tally(DelegateExecution execution) {
    long meetingId = meetingId(execution);
    int round = committees.meeting(meetingId).orElseThrow().minutesRound();
    List<String> objections = new ArrayList<>();
    committees.votes(meetingId).stream()
        .filter(v -> v.round() == round && VOTE_OBJECT.equals(v.vote()))
        .forEach(
            v ->
                objections.add(
                    directory.person(v.userId()).map(Person::displayName).orElse(v.userId())
                        + ": "
                        + (v.objection() == null ? "" : v.objection())));
    execution.removeVariable(VAR_MINUTES_VOTE);
    execution.removeVariable(VAR_MINUTES_OBJECTION);
    execution.setVariable(VAR_MINUTES_OBJECTED, !objections.isEmpty());
    if (objections.isEmpty()) {
      execution.removeVariable(VAR_MINUTES_OBJECTIONS);
    } else {
      execution.setVariable(VAR_MINUTES_OBJECTIONS, String.join("\n", objections));
      committees.status(meetingId, "MINUTES");
    }
  }

  /** The minutes stand: each resolution becomes a follow-up task of its owner. */
  public void approve(DelegateExecution execution) {
    long meetingId = meetingId(execution);
    committees.status(meetingId, "APPROVED");
    execution.setVariable(
        VAR_RESOLUTION_IDS,
        json(committees.resolutions(meetingId).stream().map(Resolution::id).toList()));
  }

  public String owner(Object resolutionId) {
    return resolution(resolutionId).ownerId();
  }

  public Date due(Object resolutionId) {
    return Date.from(resolution(resolutionId).dueOn().atTime(16, 30).atZone(BANGKOK).toInstant());
  }

  public void followUpOpened(DelegateTask task) {
    Resolution r = resolution(task.getVariable("resolutionId"));
    task.setVariableLocal(VAR_RESOLUTION_TEXT, r.text());
    committees.followUpOpened(r.id(), task.getId());
  }

  public void followedUp(DelegateTask task) {
    Resolution r = resolution(task.getVariable("resolutionId"));
    Object result = task.getVariable(VAR_FOLLOW_UP_RESULT);
    committees.followedUp(r.id(), result == null ? "" : String.valueOf(result));
  }

  /** Every resolution is followed up: the meeting is done. */
  public void close(DelegateExecution execution) {
    committees.status(meetingId(execution), "DONE");
  }

  /** A due date some days from now (engine time), for the meeting's own tasks. */
  public Date inDays(int days) {
    return Date.from(clock.instant().plus(Duration.ofDays(days)));
  }

  private Resolution resolution(Object id) {
    long resolutionId = ((Number) id).longValue();
    return committees
        .resolution(resolutionId)
        .orElseThrow(() -> new IllegalStateException("resolution " + resolutionId));
  }

  private Committee committee(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(VAR_COMMITTEE_ID)).longValue();
    return committees.committee(id).orElseThrow(() -> new IllegalStateException("committee " + id));
  }

  private static long meetingId(DelegateExecution execution) {
    return ((Number) execution.getVariable(VAR_MEETING_ID)).longValue();
  }

  private static int year(DelegateExecution execution) {
    return ((Number) execution.getVariable(ProcessVariables.ACADEMIC_YEAR)).intValue();
  }

  private static Object json(Object value) {
    return Variables.objectValue(value)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }
}
