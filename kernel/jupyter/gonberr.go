package jupyter

import (
	"strings"

	"golang.org/x/net/html"
)

// gonbErrorText reads the compiler errors out of the HTML that GoNB
// shows for a cell that does not build ("Cell[1]: Line 2 ./main.go:11:13:
// undefined: x"), dropping its stylesheet and the hover-only context.
// It returns "" for any other HTML.
func gonbErrorText(page string) string {
	if !strings.Contains(page, "application/vnd.jupyter.stderr") {
		return ""
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "style" || hasClass(n, "gonb-err-context")) {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && n.Data == "div" {
			b.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	var lines []string
	for l := range strings.SplitSeq(b.String(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && strings.Contains(" "+a.Val+" ", " "+class+" ") {
			return true
		}
	}
	return false
}
