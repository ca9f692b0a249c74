package threads

import (
	"fmt"
	"html/template"
	"net/http"
)

// siteInfo is one of the five sites seed 000 fetches. A site with a
// status other than 200 answers with that status, like suiit.ac.in
// answered the seed's author with 403 Forbidden.
type siteInfo struct {
	name, title string
	status      int
}

// sites mirror the seed's list: a search engine, its Indian mirror,
// two universities and the University Grants Commission. UGC's title
// keeps the whitespace around it that the seed printed, so that
// FetchTitle's trimming has something to do.
var sites = []siteInfo{
	{"search.example", "Search", http.StatusOK},
	{"search.example.in", "Search India", http.StatusOK},
	{"suiit.ac.in", "", http.StatusForbidden},
	{"suniv.ac.in", "Sambalpur University, Jyoti Vihar, Burla.", http.StatusOK},
	{"ugc.ac.in", "\n\tWelcome to UGC, New Delhi, India\n", http.StatusOK},
}

var sitePage = template.Must(template.New("site").Parse(`<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>{{.}}</title></head>
<body><h1>{{.}}</h1><p>A stand-in page served on this machine.</p></body>
</html>
`))

// serveSite answers GET /sites/{name}.
func serveSite(w http.ResponseWriter, r *http.Request) {
	for _, s := range sites {
		if s.name != r.PathValue("name") {
			continue
		}
		title := s.title
		if s.status != http.StatusOK {
			title = fmt.Sprintf("%d %s", s.status, http.StatusText(s.status))
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(s.status)
		sitePage.Execute(w, title)
		return
	}
	http.NotFound(w, r)
}
