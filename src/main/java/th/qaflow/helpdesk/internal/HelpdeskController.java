package th.qaflow.helpdesk.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.documents.DocumentSlot;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;
import th.qaflow.documents.UploadProblem;
import th.qaflow.helpdesk.Helpdesk;
import th.qaflow.helpdesk.Helpdesk.Question;
import th.qaflow.helpdesk.Helpdesk.Status;
import th.qaflow.helpdesk.Helpdesk.Topic;
import th.qaflow.helpdesk.SchoolQuestionProcess;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.InputText;
import th.qaflow.kernel.MultiLineFields;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.DistrictChoice;
import th.qaflow.security.QaUser;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;

/**
 * The help desk's pages: the questions a user may see and the form to ask ({@code /helpdesk}), a
 * question's thread with the answer, reply and FAQ forms for whoever may use them ({@code
 * /helpdesk/questions/{id}}), and the district's FAQ with its search ({@code /helpdesk/faq}). Scope
 * is checked here on every request: a school's users see their own school's questions, a supervisor
 * those of their clusters, the district's other staff the district's; nobody another district's.
 */
@Controller
class HelpdeskController {
  static final int TITLE_MAX = 200;
  static final int TEXT_MAX = 4000;
  static final int SEARCH_MAX = 100;

  /** What a form held and its errors (field → message key), shown again on a bad submission. */
  record Form(Map<String, String> values, Map<String, String> errors) {
    static Form empty() {
      return new Form(Map.of(), Map.of());
    }

    String value(String name) {
      return values.getOrDefault(name, "");
    }
  }

  /** A question as its lists and thread show it. */
  record QuestionView(Question q, School school, String askerName) {}

  private final Helpdesk helpdesk;
  private final OrganisationDirectory directory;
  private final Documents documents;

  HelpdeskController(Helpdesk helpdesk, OrganisationDirectory directory, Documents documents) {
    this.helpdesk = helpdesk;
    this.directory = directory;
    this.documents = documents;
  }

  @GetMapping("/helpdesk")
  String list(@RequestParam(required = false) String district, Model model) {
    return renderList(CurrentUser.get(), district, Form.empty(), model);
  }

  @MultiLineFields("body")
  @PostMapping("/helpdesk/questions")
  @PreAuthorize("hasAnyRole('SCHOOL_QA','SCHOOL_DIRECTOR')")
  String ask(
      @RequestParam(required = false) String school,
      @RequestParam(required = false) String topic,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String body,
      @RequestParam(required = false) MultipartFile file,
      Model model,
      RedirectAttributes flash)
      throws IOException {
    QaUser user = CurrentUser.get();
    if (user.schoolCode() == null || directory.school(user.schoolCode()).isEmpty()) {
      throw new ForbiddenException("ask without a school");
    }
    if (school != null && !school.equals(user.schoolCode())) {
      // a question is always the asker's own school's: naming another is refused
      throw new ForbiddenException("ask for school " + school);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Entry asked = entry(errors, topic, title, "body", body);
    Upload upload = upload(file, errors, model);
    if (!errors.isEmpty()) {
      model.addAttribute("error", "helpdesk.error.form");
      return renderList(
          user,
          null,
          new Form(values("topic", topic, "title", title, "body", body), Map.copyOf(errors)),
          model);
    }
    long id = helpdesk.ask(user.userId(), asked.topic(), asked.title(), asked.text());
    attach(id, upload, user);
    flash.addFlashAttribute("success", "helpdesk.asked");
    return "redirect:/helpdesk/questions/" + id;
  }

  @GetMapping("/helpdesk/questions/{id}")
  String thread(@PathVariable long id, Model model) {
    QaUser user = CurrentUser.get();
    Question q = seen(user, id);
    return renderThread(user, q, Form.empty(), model);
  }

  @MultiLineFields("text")
  @PostMapping("/helpdesk/questions/{id}/answer")
  String answer(
      @PathVariable long id,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) MultipartFile file,
      Model model,
      RedirectAttributes flash)
      throws IOException {
    QaUser user = CurrentUser.get();
    Question q = seen(user, id);
    if (!mayAnswer(user, q)) {
      throw new ForbiddenException("answer question " + id);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    String clean = text == null ? "" : text.strip();
    multiLine(errors, "text", clean, TEXT_MAX);
    Upload upload = upload(file, errors, model);
    if (!errors.isEmpty()) {
      model.addAttribute("error", "helpdesk.error.form");
      return renderThread(user, q, new Form(values("text", text), Map.copyOf(errors)), model);
    }
    helpdesk.answer(id, user.userId(), clean);
    attach(id, upload, user);
    flash.addFlashAttribute("success", "helpdesk.answered");
    return "redirect:/helpdesk/questions/" + id;
  }

  @MultiLineFields("followUp")
  @PostMapping("/helpdesk/questions/{id}/reply")
  String reply(
      @PathVariable long id,
      @RequestParam(required = false) String solved,
      @RequestParam(required = false) String followUp,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Question q = seen(user, id);
    if (!helpdesk.waitsForReplyOf(id, user.userId())) {
      throw new ForbiddenException("reply to question " + id);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    boolean isSolved = SchoolQuestionProcess.SOLVED.equals(solved);
    boolean notSolved = SchoolQuestionProcess.NOT_SOLVED.equals(solved);
    if (!isSolved && !notSolved) {
      errors.put("solved", "helpdesk.error.solved");
    }
    String clean = followUp == null ? "" : followUp.strip();
    // what is still unclear is asked for only when the answer did not solve it
    if (notSolved || !clean.isEmpty()) {
      multiLine(errors, "followUp", clean, TEXT_MAX, "helpdesk.error.followUp");
    }
    if (!errors.isEmpty()) {
      model.addAttribute("error", "helpdesk.error.form");
      return renderThread(
          user,
          q,
          new Form(values("solved", solved, "followUp", followUp), Map.copyOf(errors)),
          model);
    }
    helpdesk.reply(id, user.userId(), isSolved, clean);
    flash.addFlashAttribute("success", isSolved ? "helpdesk.closed" : "helpdesk.askedAgain");
    return "redirect:/helpdesk/questions/" + id;
  }

  @MultiLineFields("answer")
  @PostMapping("/helpdesk/questions/{id}/faq")
  String toFaq(
      @PathVariable long id,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String answer,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Question q = seen(user, id);
    if (!mayMakeFaq(user, q)) {
      throw new ForbiddenException("FAQ from question " + id);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (q.status() == Status.OPEN || helpdesk.faqOf(id).isPresent()) {
      errors.put("faqTitle", "helpdesk.error.faqState");
    }
    String cleanTitle = title == null ? "" : title.strip();
    singleLine(errors, "faqTitle", cleanTitle, TITLE_MAX);
    String cleanAnswer = answer == null ? "" : answer.strip();
    multiLine(errors, "faqAnswer", cleanAnswer, TEXT_MAX);
    if (!errors.isEmpty()) {
      model.addAttribute("error", "helpdesk.error.form");
      return renderThread(
          user,
          q,
          new Form(values("faqTitle", title, "faqAnswer", answer), Map.copyOf(errors)),
          model);
    }
    helpdesk.toFaq(id, user.userId(), cleanTitle, cleanAnswer);
    flash.addFlashAttribute("success", "helpdesk.faq.created");
    return "redirect:/helpdesk/faq?district=" + q.districtCode();
  }

  @GetMapping("/helpdesk/faq")
  String faq(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String q,
      Model model) {
    QaUser user = CurrentUser.get();
    if (user.role() == Role.COMMITTEE_MEMBER) {
      throw new ForbiddenException("help desk FAQ");
    }
    District shown = districtOf(user, district, model);
    String search = q == null ? "" : q.strip();
    if (search.length() > SEARCH_MAX || InputText.badSingleLine(search)) {
      model.addAttribute("error", "helpdesk.error.search");
      search = "";
    }
    model.addAttribute("q", search);
    model.addAttribute("entries", shown == null ? List.of() : helpdesk.faq(shown.code(), search));
    model.addAttribute("mayEdit", shown != null && mayEditFaq(user, shown.code()));
    return "helpdesk/faq";
  }

  @GetMapping("/helpdesk/faq/{id}/edit")
  String editFaq(@PathVariable long id, Model model) {
    Helpdesk.Faq entry = editable(CurrentUser.get(), id);
    return renderFaqEdit(
        entry,
        new Form(
            values("topic", entry.topic().name(), "title", entry.title(), "answer", entry.answer()),
            Map.of()),
        model);
  }

  @MultiLineFields("answer")
  @PostMapping("/helpdesk/faq/{id}")
  String saveFaq(
      @PathVariable long id,
      @RequestParam(required = false) String topic,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String answer,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Helpdesk.Faq entry = editable(user, id);
    Map<String, String> errors = new LinkedHashMap<>();
    Entry edited = entry(errors, topic, title, "answer", answer);
    if (!errors.isEmpty()) {
      model.addAttribute("error", "helpdesk.error.form");
      return renderFaqEdit(
          entry,
          new Form(values("topic", topic, "title", title, "answer", answer), Map.copyOf(errors)),
          model);
    }
    helpdesk.editFaq(id, user.userId(), edited.topic(), edited.title(), edited.text());
    flash.addFlashAttribute("success", "helpdesk.faq.saved");
    return "redirect:/helpdesk/faq?district=" + entry.districtCode() + "#faq-" + id;
  }

  @PostMapping("/helpdesk/faq/{id}/remove")
  String removeFaq(
      @PathVariable long id,
      @RequestParam(required = false) String confirm,
      Model model,
      RedirectAttributes flash) {
    Helpdesk.Faq entry = editable(CurrentUser.get(), id);
    if (!"yes".equals(confirm)) {
      // the box was not ticked: nothing is removed, the entry is shown again as it is
      model.addAttribute("error", "helpdesk.error.form");
      return renderFaqEdit(
          entry,
          new Form(
              values(
                  "topic", entry.topic().name(), "title", entry.title(), "answer", entry.answer()),
              Map.of("confirm", "helpdesk.error.removeConfirm")),
          model);
    }
    helpdesk.removeFaq(id);
    flash.addFlashAttribute("success", "helpdesk.faq.removed");
    return "redirect:/helpdesk/faq?district=" + entry.districtCode();
  }

  private String renderFaqEdit(Helpdesk.Faq entry, Form form, Model model) {
    model.addAttribute("entry", entry);
    model.addAttribute("form", form);
    model.addAttribute("topics", Topic.values());
    return "helpdesk/faq-edit";
  }

  // --- scope

  /** The FAQ entry if the user may reword it: 404 for none, 403 for another district's or role. */
  private Helpdesk.Faq editable(QaUser user, long id) {
    Helpdesk.Faq entry =
        helpdesk.faqEntry(id).orElseThrow(() -> new NotFoundException("FAQ entry " + id));
    if (!mayEditFaq(user, entry.districtCode())) {
      throw new ForbiddenException("edit FAQ entry " + id);
    }
    return entry;
  }

  /** The question if the user may see its school; 404 for none, 403 for another's. */
  private Question seen(QaUser user, long id) {
    Question q = helpdesk.question(id).orElseThrow(() -> new NotFoundException("question " + id));
    School school = directory.school(q.schoolCode()).orElse(null);
    if (user.role() == Role.COMMITTEE_MEMBER || !user.canSee(school)) {
      throw new ForbiddenException("question " + id);
    }
    return q;
  }

  /**
   * Whoever the open answering task names (the cluster's supervisors; after escalation also the
   * supervision director).
   */
  private boolean mayAnswer(QaUser user, Question q) {
    if (user.isReadOnly() || q.status() != Status.OPEN) {
      return false;
    }
    return helpdesk.answerCandidates(q.id()).stream().anyMatch(user.groups()::contains);
  }

  /** The district's supervisors who may see the question, its supervision director, QA officer. */
  private static boolean mayMakeFaq(QaUser user, Question q) {
    return mayEditFaq(user, q.districtCode());
  }

  /** The FAQ is the district's: its supervisors, supervision director and QA officer keep it. */
  static boolean mayEditFaq(QaUser user, String districtCode) {
    if (user.role() == null || user.isReadOnly() || !districtCode.equals(user.districtCode())) {
      return false;
    }
    return user.role() == Role.SUPERVISOR
        || user.role() == Role.SUPERVISION_DIRECTOR
        || user.role() == Role.DISTRICT_QA_OFFICER;
  }

  /**
   * The district whose help desk the user reads: a school's users their school's, the district's
   * staff their own, OBEC and administrators the one they choose.
   */
  private District districtOf(QaUser user, String requested, Model model) {
    if (user.isSchoolUser()) {
      School school = directory.school(user.schoolCode()).orElse(null);
      if (school == null || (requested != null && !requested.equals(school.districtCode()))) {
        throw new ForbiddenException("help desk of " + requested);
      }
      District d = directory.district(school.districtCode()).orElse(null);
      model.addAttribute("districts", d == null ? List.of() : List.of(d));
      model.addAttribute("district", d);
      return d;
    }
    DistrictChoice choice = DistrictChoice.of(directory.districts(), user, requested);
    if (choice.refused()) {
      throw new ForbiddenException("help desk of " + requested);
    }
    model.addAttribute("districts", choice.visible());
    model.addAttribute("district", choice.shown());
    return choice.shown();
  }

  // --- pages

  private String renderList(QaUser user, String requested, Form form, Model model) {
    if (user.role() == Role.COMMITTEE_MEMBER) {
      throw new ForbiddenException("help desk");
    }
    District shown = districtOf(user, requested, model);
    List<Question> questions =
        user.isSchoolUser()
            ? helpdesk.ofSchool(user.schoolCode())
            : shown == null ? List.of() : helpdesk.ofDistrict(shown.code());
    List<QuestionView> views = new ArrayList<>();
    for (Question q : questions) {
      School school = directory.school(q.schoolCode()).orElse(null);
      if (user.canSee(school)) {
        views.add(view(q, school));
      }
    }
    model.addAttribute("questions", views);
    model.addAttribute(
        "canAsk", user.role() == Role.SCHOOL_QA || user.role() == Role.SCHOOL_DIRECTOR);
    model.addAttribute("topics", Topic.values());
    model.addAttribute("form", form);
    return "helpdesk/list";
  }

  private String renderThread(QaUser user, Question q, Form form, Model model) {
    School school = directory.school(q.schoolCode()).orElse(null);
    model.addAttribute("question", view(q, school));
    model.addAttribute("posts", helpdesk.thread(q.id()));
    model.addAttribute("attachments", helpdesk.attachments(q.id()));
    model.addAttribute("mayAnswer", mayAnswer(user, q));
    model.addAttribute("mayReply", helpdesk.waitsForReplyOf(q.id(), user.userId()));
    Optional<Helpdesk.Faq> faq = helpdesk.faqOf(q.id());
    model.addAttribute("faq", faq.orElse(null));
    boolean mayFaq = mayMakeFaq(user, q) && q.status() != Status.OPEN && faq.isEmpty();
    model.addAttribute("mayFaq", mayFaq);
    model.addAttribute("form", form);
    if (mayFaq && form.values().isEmpty()) {
      // pre-filled: the question's title and the last answer, the school's name left out
      List<Helpdesk.Post> answers =
          helpdesk.thread(q.id()).stream().filter(p -> "ANSWER".equals(p.kind())).toList();
      model.addAttribute(
          "form",
          new Form(
              values(
                  "faqTitle",
                  q.title(),
                  "faqAnswer",
                  answers.isEmpty() ? "" : answers.get(answers.size() - 1).body()),
              Map.of()));
    }
    return "helpdesk/question";
  }

  private QuestionView view(Question q, School school) {
    return new QuestionView(
        q, school, directory.person(q.askedBy()).map(p -> p.displayName()).orElse(q.askedBy()));
  }

  // --- files

  /** A chosen file: its name and content. */
  private record Upload(String filename, byte[] content) {}

  /**
   * The chosen file, checked as every upload is (type, size, name); null when none was chosen. A
   * refused file is an error of the field {@code file}, its reason shown under the field.
   */
  private Upload upload(MultipartFile file, Map<String, String> errors, Model model)
      throws IOException {
    if (file == null
        || file.getOriginalFilename() == null
        || file.getOriginalFilename().isEmpty()) {
      return null;
    }
    Upload upload = new Upload(file.getOriginalFilename(), file.getBytes());
    Optional<UploadProblem> problem = documents.check(upload.filename(), upload.content());
    if (problem.isPresent()) {
      errors.put("file", "helpdesk.error.file");
      model.addAttribute("fileProblem", problem.get());
      return null;
    }
    return upload;
  }

  /** Stores the file as a document of the question's school and lists it in the thread. */
  private void attach(long questionId, Upload upload, QaUser user) {
    if (upload == null) {
      return;
    }
    Question q = helpdesk.question(questionId).orElseThrow();
    int year = AcademicYears.of(LocalDate.ofInstant(q.askedAt(), AcademicYears.ZONE));
    String slot = "helpdeskQ" + questionId + "-" + (helpdesk.attachments(questionId).size() + 1);
    DocumentVersion stored =
        documents.store(
            DocumentSlot.ofSchool(q.schoolCode(), year, slot),
            upload.filename(),
            upload.content(),
            user.userId());
    helpdesk.attach(questionId, stored.versionId(), upload.filename(), user.userId());
  }

  // --- input

  private static Topic topic(String value) {
    if (value == null) {
      return null;
    }
    for (Topic t : Topic.values()) {
      if (t.name().equals(value)) {
        return t;
      }
    }
    return null;
  }

  /** A question's or an FAQ entry's topic, title and text, stripped; errors by field name. */
  private record Entry(Topic topic, String title, String text) {}

  private static Entry entry(
      Map<String, String> errors, String topic, String title, String textField, String text) {
    Topic t = topic(topic);
    if (t == null) {
      errors.put("topic", "helpdesk.error.topic");
    }
    String cleanTitle = title == null ? "" : title.strip();
    singleLine(errors, "title", cleanTitle, TITLE_MAX);
    String cleanText = text == null ? "" : text.strip();
    multiLine(errors, textField, cleanText, TEXT_MAX);
    return new Entry(t, cleanTitle, cleanText);
  }

  private static void singleLine(Map<String, String> errors, String field, String v, int max) {
    if (v.isEmpty()) {
      errors.put(field, "helpdesk.error.required");
    } else if (InputText.badSingleLine(v)) {
      errors.put(field, "helpdesk.error.chars");
    } else if (v.length() > max) {
      errors.put(field, "helpdesk.error.titleLong");
    }
  }

  private static void multiLine(Map<String, String> errors, String field, String v, int max) {
    multiLine(errors, field, v, max, "helpdesk.error.required");
  }

  private static void multiLine(
      Map<String, String> errors, String field, String v, int max, String requiredKey) {
    if (v.isEmpty()) {
      errors.put(field, requiredKey);
    } else if (InputText.badMultiLine(v)) {
      errors.put(field, "helpdesk.error.chars");
    } else if (v.length() > max) {
      errors.put(field, "helpdesk.error.long");
    }
  }

  private static Map<String, String> values(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
    }
    return m;
  }
}
