package dev.authrag.bootstrap.chat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A labelled question set for the retrieval benchmark (bench/retrieval/*.questions): one question a line as
 * {@code kind | question | page, page}, where kind is {@code heading} (the question repeats words of the answering
 * page's title or headings) or {@code paraphrase}, and each page is a path relative to the corpus folder. Blank lines
 * and lines starting with {@code #} are comments.
 */
record RetrievalQuestions(List<Question> questions) {

    static final Set<String> KINDS = Set.of("heading", "paraphrase");

    record Question(int line, String kind, String text, Set<String> pages) {
    }

    RetrievalQuestions {
        questions = List.copyOf(questions);
    }

    /** @throws IllegalArgumentException naming the line of the first malformed question */
    static RetrievalQuestions parse(String text) {
        List<Question> questions = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\|", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 'kind | question | page, page'");
            }
            String kind = fields[0].strip().toLowerCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": the kind must be heading or paraphrase; got '" + kind + "'");
            }
            String question = fields[1].strip();
            Set<String> pages = new LinkedHashSet<>();
            for (String page : fields[2].split(",")) {
                if (!page.isBlank()) {
                    pages.add(page.strip());
                }
            }
            if (question.isEmpty() || pages.isEmpty()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": a question and at least one page are required");
            }
            questions.add(new Question(i + 1, kind, question, pages));
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("no questions");
        }
        return new RetrievalQuestions(questions);
    }
}
