package th.qaflow.helpdesk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The help desk's questions, their threads and the district's FAQ. Who may do what is decided by
 * the caller (the controller or the demo); the store only keeps the rows and drives the process.
 */
public interface Helpdesk {
  enum Topic {
    STANDARDS,
    SAR,
    ONESQA,
    SYSTEM,
    OTHER
  }

  enum Status {
    /** Waiting for the supervisors' answer. */
    OPEN,
    /** Answered: waiting for the asker to say whether it solved the question. */
    ANSWERED,
    CLOSED
  }

  record Question(
      long id,
      String districtCode,
      String schoolCode,
      String clusterCode,
      Topic topic,
      String title,
      String body,
      String askedBy,
      Instant askedAt,
      Status status,
      String processInstanceId,
      Instant answeredAt,
      Instant closedAt) {}

  /** One message of a question's thread: an {@code ANSWER} or the asker's {@code FOLLOW_UP}. */
  record Post(
      long id,
      long questionId,
      String kind,
      String body,
      String authorId,
      String authorName,
      Instant postedAt) {}

  record Faq(
      long id,
      String districtCode,
      Long questionId,
      Topic topic,
      String title,
      String answer,
      String createdBy,
      Instant createdAt,
      String updatedBy,
      Instant updatedAt) {}

  /** Asks a question for the asker's school and starts its SchoolQuestion; returns its id. */
  long ask(String askerId, Topic topic, String title, String body);

  Optional<Question> question(long id);

  List<Post> thread(long questionId);

  List<Question> ofSchool(String schoolCode);

  List<Question> ofDistrict(String districtCode);

  /** The open answering task's candidate groups, empty when the question is not waiting for one. */
  List<String> answerCandidates(long questionId);

  /** Whether the question waits for this user's reply (the asker of an answered question). */
  boolean waitsForReplyOf(long questionId, String userId);

  /** A file in a question's thread: a document version of the question's school. */
  record Attachment(
      long id,
      long questionId,
      String versionId,
      String filename,
      String attachedBy,
      Instant attachedAt) {}

  /** Ties a stored document version to the question's thread. */
  void attach(long questionId, String versionId, String filename, String userId);

  /** The files of the question's thread, oldest first. */
  List<Attachment> attachments(long questionId);

  /** Answers the question: completes its open answering task as {@code userId}. */
  void answer(long questionId, String userId, String text);

  /** The asker's reply to the answer: solved (closes) or not (back to the supervisors). */
  void reply(long questionId, String userId, boolean solved, String followUp);

  /** Turns the question's answer into an entry of its district's FAQ; returns the entry's id. */
  long toFaq(long questionId, String userId, String title, String answer);

  /** The district's FAQ, newest first; {@code search} (if not blank) in the title or answer. */
  List<Faq> faq(String districtCode, String search);

  /** The FAQ entry made from the question, if any. */
  Optional<Faq> faqOf(long questionId);

  /** One FAQ entry by its id. */
  Optional<Faq> faqEntry(long id);

  /** Rewords an FAQ entry (its topic, title and answer) and records who did it. */
  void editFaq(long id, String userId, Topic topic, String title, String answer);

  /** Takes an entry out of the FAQ; its question and thread stay as they are. */
  void removeFaq(long id);
}
