package threads

import (
	"fmt"
	"html/template"
	"net/http"
	"strconv"
)

// quotePageCount is how many pages of quotes the server has: the 13
// pages of seed 001's "independent practice".
const quotePageCount = 13

// quote is a sentence of Lincoln's and where he said or wrote it. His
// words are in the public domain; these are his own, not the sayings
// the internet puts in his mouth.
type quote struct{ Text, Source string }

// quotes holds two quotes for each page, page 1 first.
var quotes = [2 * quotePageCount]quote{
	{"Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, and dedicated to the proposition that all men are created equal.", "Gettysburg Address, 1863"},
	{"A house divided against itself cannot stand.", "House Divided speech, 1858"},
	{"With malice toward none, with charity for all, with firmness in the right as God gives us to see the right, let us strive on to finish the work we are in …", "Second Inaugural Address, 1865"},
	{"We are not enemies, but friends. We must not be enemies.", "First Inaugural Address, 1861"},
	{"The dogmas of the quiet past, are inadequate to the stormy present.", "Annual Message to Congress, 1862"},
	{"As our case is new, so we must think anew, and act anew.", "Annual Message to Congress, 1862"},
	{"Let us have faith that right makes might, and in that faith, let us, to the end, dare to do our duty as we understand it.", "Cooper Union Address, 1860"},
	{"No man is good enough to govern another man, without that other's consent.", "Speech at Peoria, 1854"},
	{"I claim not to have controlled events, but confess plainly that events have controlled me.", "Letter to Albert G. Hodges, 1864"},
	{"If slavery is not wrong, nothing is wrong.", "Letter to Albert G. Hodges, 1864"},
	{"As I would not be a slave, so I would not be a master. This expresses my idea of democracy.", "Fragment on democracy, 1858"},
	{"As a nation of freemen, we must live through all time, or die by suicide.", "Lyceum Address, 1838"},
	{"The world will little note, nor long remember what we say here, but it can never forget what they did here.", "Gettysburg Address, 1863"},
	{"We shall nobly save, or meanly lose, the last best hope of earth.", "Annual Message to Congress, 1862"},
	{"In giving freedom to the slave, we assure freedom to the free.", "Annual Message to Congress, 1862"},
	{"I believe this government cannot endure, permanently half slave and half free.", "House Divided speech, 1858"},
	{"To this place, and the kindness of these people, I owe every thing.", "Farewell Address at Springfield, 1861"},
	{"Discourage litigation. Persuade your neighbors to compromise whenever you can.", "Notes for a law lecture, 1850"},
	{"And this, too, shall pass away.", "Address to the Wisconsin State Agricultural Society, 1859"},
	{"This is essentially a People's contest.", "Message to Congress in Special Session, 1861"},
	{"Both read the same Bible, and pray to the same God; and each invokes His aid against the other.", "Second Inaugural Address, 1865"},
	{"Fondly do we hope—fervently do we pray—that this mighty scourge of war may speedily pass away.", "Second Inaugural Address, 1865"},
	{"The mystic chords of memory … will yet swell the chorus of the Union, when again touched, as surely they will be, by the better angels of our nature.", "First Inaugural Address, 1861"},
	{"Neither let us be slandered from our duty by false accusations against us, nor frightened from it by menaces of destruction to the Government nor of dungeons to ourselves.", "Cooper Union Address, 1860"},
	{"It is for us the living, rather, to be dedicated here to the unfinished work which they who fought here have thus far so nobly advanced.", "Gettysburg Address, 1863"},
	{"… government of the people, by the people, for the people, shall not perish from the earth.", "Gettysburg Address, 1863"},
}

// quoteTitle is the <title> of page n, the text the exercise fetches.
func quoteTitle(n int) string { return fmt.Sprintf("Lincoln quotes, page %d", n) }

var quotePage = template.Must(template.New("quotes").Parse(`<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>{{.Title}}</title></head>
<body>
<h1>{{.Title}}</h1>
{{range .Quotes}}<blockquote><p>{{.Text}}</p><footer>{{.Source}}</footer></blockquote>
{{end}}</body>
</html>
`))

// serveQuotes answers GET /quotes/{n}.
func serveQuotes(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 1 || n > quotePageCount {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	quotePage.Execute(w, struct {
		Title  string
		Quotes []quote
	}{quoteTitle(n), quotes[2*(n-1) : 2*n]})
}
