package th.qaflow.tasklist;

import java.util.Map;

/**
 * A block another module adds to a task page, above the form (e.g. the SAR completeness check on a
 * review task, or the generated summary on the synthesis task). Rendered as {@code ~{template ::
 * fragment(panel)}} with the panel itself as the fragment's only parameter.
 *
 * @param template Thymeleaf template name, e.g. {@code district/panels}
 * @param fragment fragment name in that template, declared as {@code th:fragment="name(panel)"}
 * @param model what the fragment shows
 */
public record TaskPanel(String template, String fragment, Map<String, Object> model) {}
