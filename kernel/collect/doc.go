// Package collect moves notebooks between a class's homes and the
// instructor: Collect copies each learner's HOMES/<learner>/course/*.ipynb
// into SUBMISSIONS/<learner>/, the layout package grade reads, with a
// manifest of when each was last saved (SUBMISSIONS/manifest.json, which
// grade's due time takes submission times from); ReturnFeedback puts
// each learner's feedback page back as HOMES/<learner>/course/feedback.md.
//
// The learners' side is read, never written, by Collect, and gets one
// file each from ReturnFeedback. Everything in a home is the learner's
// to arrange, and may be hostile when the instructor runs as root, so
// a home is only ever opened through an os.Root: a symlink out of
// course/ is reported, never followed, and a FIFO cannot stall it.
package collect
