package jupyter

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestGoNBCompileErrorsAreReadOutOfItsHTML(t *testing.T) {
	page := `<style>.x{}</style><div class="jp-RenderedText" data-mime-type="application/vnd.jupyter.stderr">` +
		`<div> # gonb_e0f9dca2</div><div><span class="gonb-err-hover-area"><span class="gonb-cell-line-info">Cell[1]: Line 2</span> ` +
		`<span class="gonb-err-location">./main.go:11:13: </span></span>undefined: undefinedThing<div class="gonb-err-context">` +
		"func main() {\n<div class=\"gonb-err-line\">fmt.Println(undefinedThing)</div>}</div></div></div>"
	assert.Equal(t, "# gonb_e0f9dca2\nCell[1]: Line 2 ./main.go:11:13: undefined: undefinedThing", gonbErrorText(page))
	assert.Empty(t, gonbErrorText("<div><svg/></div>"))
}
