package collect

import "regexp"

// safeName is a learner's folder name that is safe to carry into
// SUBMISSIONS/<learner>/ and feedback/<learner>.md and to print: Unix
// user names and JupyterHub's, e-mail-like ones included; no spaces,
// slashes or control characters, and no leading dot (grade skips
// hidden folders) or dash (it would read as a flag).
var safeName = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,63}$`)

// SafeName says whether a learner's folder name may be collected.
func SafeName(name string) bool {
	return safeName.MatchString(name) && name != ManifestName
}

// nameRule is SafeName in words, for the line that refuses a name.
const nameRule = "a learner's name is letters, digits and . _ @ -, not starting with . or -"
