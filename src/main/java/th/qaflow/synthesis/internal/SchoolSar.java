package th.qaflow.synthesis.internal;

import java.util.Map;

/**
 * What the synthesis reads of one school's cycle: who the school is, the district's review decision and
 * the cycle's variables ({@code standards}, {@code targets}, {@code ownStandards}, {@code assessment},
 * {@code sarLevels}, the SAR's publication and approved version).
 */
record SchoolSar(String schoolCode, String schoolName, String clusterCode, String reviewDecision,
    Map<String, Object> variables) {}
