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
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskConflictException;
import th.qaflow.tasklist.TaskPage;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.web.NotFoundException;

/**
 * The tasklist: post/redirect/get with flash messages; every action re-checks scope in TaskWork.
 */
@Controller
@RequestMapping("/tasks")
class TaskController {
  private final TaskWork work;

  TaskController(TaskWork work) {
    this.work = work;
  }

  @GetMapping
  String list(Model model) {
    QaUser user = CurrentUser.get();
    model.addAttribute("myTasks", work.myTasks(user));
    model.addAttribute("groupTasks", work.groupTasks(user));
    return "tasklist/list";
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
    model.addAttribute("error", "task.error.invalid");
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
