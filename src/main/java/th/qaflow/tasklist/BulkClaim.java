package th.qaflow.tasklist;

import java.util.List;

/**
 * What a bulk claim did, task by task: each one claimed or not for its own reason, nothing lost.
 *
 * @param claimed the names of the tasks the user now holds
 * @param takenByOthers the names of tasks someone else held or completed first
 * @param unavailable how many ids were not the user's to claim or did not exist (no names given)
 */
public record BulkClaim(List<String> claimed, List<String> takenByOthers, int unavailable) {}
