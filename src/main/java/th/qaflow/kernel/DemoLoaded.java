package th.qaflow.kernel;

/**
 * Published once the demo district is in the database (loaded now, or found from an earlier start):
 * from then on the demo may be shown to people, and every demo person is known.
 */
public record DemoLoaded() {}
