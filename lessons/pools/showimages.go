package pools

import (
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/goconc/goconc/lessons/internal/gonbpipe"
)

// ShowImages shows downloaded PNGs side by side in a GoNB notebook, so
// we see that the bytes really are the pictures; anywhere else it
// prints their sizes.
func ShowImages(images [][]byte) {
	if !gonbpipe.InNotebook {
		for i, img := range images {
			fmt.Printf("image %d: %d bytes\n", i+1, len(img))
		}
		return
	}
	var b strings.Builder
	b.WriteString(`<div style="display:flex;gap:8px">`)
	for _, img := range images {
		fmt.Fprintf(&b, `<img src="data:image/png;base64,%s" width="96" height="64">`,
			base64.StdEncoding.EncodeToString(img))
	}
	b.WriteString(`</div>`)
	if err := gonbpipe.Show(b.String(), ""); err != nil {
		fmt.Println("no pictures:", err)
	}
}
