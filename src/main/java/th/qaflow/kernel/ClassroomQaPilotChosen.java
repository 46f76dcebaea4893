package th.qaflow.kernel;

import java.time.Instant;

/**
 * The district chose a school as its classroom-level QA pilot (model) school: its director and QA
 * working group are told by mail. Published synchronously in the engine's transaction, so the mail
 * commits or rolls back with the choice.
 *
 * @param link the pilot's page (relative, e.g. /classroom-qa?district=1099)
 */
public record ClassroomQaPilotChosen(
    long pilotId,
    String schoolCode,
    String districtName,
    int academicYear,
    String reason,
    String link,
    Instant at) {}
