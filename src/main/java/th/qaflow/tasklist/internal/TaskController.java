package th.qaflow.tasklist.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;
import th.qaflow.forms.FormSubmission;
import th.qaflow.forms.UploadedFile;
import th.qaflow.kernel.Stages;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.BulkClaim;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskConflictException;
import th.qaflow.tasklist.TaskFilter;
import th.qaflow.tasklist.TaskListPage;
import th.qaflow.tasklist.TaskPage;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.web.NotFoundException;

/**
 * The tasklist: post/redirect/get with flash messages; every action re-checks scope in TaskWork.
 */
@Controller
@RequestMapping("/tasks")
class TaskController {
  /** How many tasks one bulk claim takes at most (a page's worth). */
  static final int MAX_BULK = 100;

  private static final java.util.regex.Pattern QUERY =
      java.util.regex.Pattern.compile("[A-Za-z0-9%&=+._~-]{0,1000}");

  private final TaskWork work;
  private final TaskFilters filters;
  private final SavedFilters saved;

  private final Stages stages;

  TaskController(TaskWork work, TaskFilters filters, SavedFilters saved, Stages stages) {
    this.stages = stages;
    this.work = work;
    this.filters = filters;
    this.saved = saved;
  }

  /** The list: filters, search, order and page all in the URL, so any list can be bookmarked. */
  @GetMapping
  String list(@RequestParam Map<String, String> params, Model model) {
    QaUser user = CurrentUser.get();
    TaskFilters.Parsed parsed = filters.parse(params, user);
    TaskListPage page = work.list(user, parsed.filter());
    model.addAttribute("list", page);
    model.addAttribute("f", page.filter());
    model.addAttribute("problems", parsed.problems());
    model.addAttribute("schools", filters.schoolsFor(user));
    model.addAttribute("years", filters.years(page.filter()));
    model.addAttribute("stages", stages.all());
    model.addAttribute("savedFilters", saved.of(user.userId()));
    model.addAttribute("canClaim", !user.isReadOnly() && !user.groups().isEmpty());
    return "tasklist/list";
  }

  /**
   * Claims the chosen tasks one by one, each checked as a single claim is; says which ones someone
   * else took first, and goes back to the same list.
   */
  @PostMapping("/claim")
  String claimAll(
      @RequestParam(name = "ids", required = false) List<String> ids,
      @RequestParam(name = "back", defaultValue = "") String back,
      RedirectAttributes flash) {
    String to =
        "redirect:/tasks" + (QUERY.matcher(back).matches() && !back.isEmpty() ? "?" + back : "");
    if (ids == null || ids.isEmpty()) {
      flash.addFlashAttribute("error", "tasks.bulk.none");
      return to;
    }
    if (ids.size() > MAX_BULK) {
      flash.addFlashAttribute("error", "tasks.bulk.tooMany");
      return to;
    }
    BulkClaim result = work.claimAll(ids, CurrentUser.get());
    flash.addFlashAttribute("bulk", result);
    boolean all = result.takenByOthers().isEmpty() && result.unavailable() == 0;
    flash.addFlashAttribute(
        all ? "success" : "error", all ? "tasks.bulk.done" : "tasks.bulk.notAll");
    return to;
  }

  /** Saves the list's current filter under a name, for this user only. */
  @PostMapping("/filters")
  String saveFilter(
      @RequestParam Map<String, String> params,
      @RequestParam(name = "filterName", defaultValue = "") String name,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Map<String, String> only = new java.util.HashMap<>(params);
    only.remove("filterName");
    only.remove("_csrf");
    only.remove("page");
    TaskFilters.Parsed parsed = filters.parse(only, user);
    TaskFilter filter = parsed.filter();
    // a filter with a value that had to be dropped is not saved: the list shows what was wrong
    String refused =
        parsed.problems().isEmpty()
            ? saved.save(user.userId(), name, filter.query())
            : parsed.problems().get(0);
    flash.addFlashAttribute(
        refused == null ? "success" : "error", refused == null ? "tasks.filters.saved" : refused);
    return "redirect:/tasks" + (filter.query().isEmpty() ? "" : "?" + filter.query());
  }

  @PostMapping("/filters/{id}/delete")
  String deleteFilter(@PathVariable String id, RedirectAttributes flash) {
    boolean deleted = saved.delete(CurrentUser.get().userId(), id);
    flash.addFlashAttribute(
        deleted ? "success" : "error",
        deleted ? "tasks.filters.deleted" : "tasks.filters.error.gone");
    return "redirect:/tasks";
  }

  /** The assignee's own reminder date; an empty date clears it. */
  @PostMapping("/{taskId}/follow-up")
  String followUp(
      @PathVariable String taskId,
      @RequestParam(name = "followUp", defaultValue = "") String date,
      @RequestParam(name = "clear", required = false) String clear,
      RedirectAttributes flash) {
    java.time.LocalDate day = null;
    if (clear == null && !date.isBlank()) {
      try {
        day = java.time.LocalDate.parse(date.strip());
      } catch (java.time.format.DateTimeParseException e) {
        flash.addFlashAttribute("error", "task.followUp.error.date");
        return "redirect:/tasks/" + taskId + "#follow-up";
      }
    }
    work.followUp(taskId, CurrentUser.get(), day);
    flash.addFlashAttribute("success", day == null ? "task.followUp.cleared" : "task.followUp.set");
    return "redirect:/tasks/" + taskId + "#follow-up";
  }

  @GetMapping("/{taskId}")
  String task(@PathVariable String taskId, Model model) {
    TaskPage page = work.open(taskId, CurrentUser.get());
    model.addAttribute("page", page);
    if (!model.containsAttribute("raw")) {
      model.addAttribute("raw", page.raw());
      model.addAttribute("errors", Map.of());
    }
    return "tasklist/task";
  }

  @PostMapping("/{taskId}/claim")
  String claim(@PathVariable String taskId, RedirectAttributes flash) {
    work.claim(taskId, CurrentUser.get());
    flash.addFlashAttribute("success", "task.claimed");
    return "redirect:/tasks/" + taskId;
  }

  @PostMapping("/{taskId}/unclaim")
  String unclaim(@PathVariable String taskId, RedirectAttributes flash) {
    work.unclaim(taskId, CurrentUser.get());
    flash.addFlashAttribute("success", "task.unclaimed.done");
    return "redirect:/tasks/" + taskId;
  }

  @PostMapping("/{taskId}/complete")
  String complete(
      @PathVariable String taskId,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Completion completion =
        work.complete(taskId, user, new FormSubmission(request.getParameterMap(), files(request)));
    if (completion.done()) {
      flash.addFlashAttribute("success", "task.completed");
      return "redirect:/tasks";
    }
    // show the form again, with the errors next to the fields and what the user typed
    model.addAttribute("page", work.open(taskId, user));
    model.addAttribute("raw", completion.form().raw());
    model.addAttribute("errors", completion.form().errors());
    // the error summary at the top of the form says what to fix: no second (red) banner above it
    return "tasklist/task";
  }

  /**
   * Which fields the form hides for what the user has typed so far (forms.js asks on every change).
   */
  @PostMapping(path = "/{taskId}/form-state", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> formState(
      @PathVariable String taskId, HttpServletRequest request) {
    try {
      return ResponseEntity.ok(
          Map.of(
              "hidden", work.hiddenFields(taskId, CurrentUser.get(), request.getParameterMap())));
    } catch (NotFoundException gone) {
      // the page's script asks in the background: a plain 404, the next real submit gets the
      // message
      return ResponseEntity.notFound().build();
    }
  }

  /**
   * The files of a multipart request by field path; a file input left empty sends an empty part,
   * skipped.
   */
  private static Map<String, List<UploadedFile>> files(HttpServletRequest request) {
    // the request may be wrapped (security filters); the multipart one may sit underneath
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart == null) {
      return Map.of();
    }
    Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
    multipart
        .getMultiFileMap()
        .forEach(
            (name, parts) -> {
              List<UploadedFile> sent = new ArrayList<>();
              for (MultipartFile part : parts) {
                if (part.isEmpty()
                    && (part.getOriginalFilename() == null
                        || part.getOriginalFilename().isEmpty())) {
                  continue;
                }
                try {
                  sent.add(
                      new UploadedFile(
                          part.getOriginalFilename(),
                          part.getContentType(),
                          part.getSize(),
                          part.getBytes()));
                } catch (IOException e) {
                  throw new UncheckedIOException("Cannot read the uploaded file " + name, e);
                }
              }
              if (!sent.isEmpty()) {
                files.put(name, sent);
              }
            });
    return files;
  }

  @PostMapping("/{taskId}/comments")
  String comment(
      @PathVariable String taskId,
      @RequestParam(defaultValue = "") String text,
      RedirectAttributes flash) {
    work.comment(taskId, CurrentUser.get(), text);
    flash.addFlashAttribute("success", "comment.added");
    return "redirect:/tasks/" + taskId + "#comments";
  }

  @ExceptionHandler(InvalidCommentException.class)
  String invalidComment(
      InvalidCommentException e, HttpServletRequest request, RedirectAttributes flash) {
    flash.addFlashAttribute("error", e.messageKey());
    return "redirect:" + request.getRequestURI().replaceFirst("/comments$", "") + "#comments";
  }

  /**
   * A task that is done, gone, or not the user's to see (a bookmarked link, a late second submit,
   * another school's id): the same friendly way back to the task list for all, so nothing tells
   * them apart.
   */
  @ExceptionHandler(NotFoundException.class)
  String gone(NotFoundException e, RedirectAttributes flash) {
    flash.addFlashAttribute("error", "task.error.gone");
    return "redirect:/tasks";
  }

  @ExceptionHandler(TaskConflictException.class)
  String conflict(TaskConflictException e, RedirectAttributes flash) {
    flash.addFlashAttribute("error", e.messageKey());
    return "redirect:/tasks";
  }
}
