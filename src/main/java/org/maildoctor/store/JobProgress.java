package org.maildoctor.store;

/** Item counts of a bulk job: {@code done} and {@code failed} out of {@code total}. */
public record JobProgress(long total, long done, long failed) {
    public static final JobProgress NONE = new JobProgress(0, 0, 0);

    public JobProgress {
        if (total < 0 || done < 0 || failed < 0) {
            throw new IllegalArgumentException("negative job progress: " + total + "/" + done + "/" + failed);
        }
    }
}
