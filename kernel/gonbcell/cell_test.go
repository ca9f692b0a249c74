package gonbcell

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExerciseCellsHoldDeclarationsOnly(t *testing.T) {
	cases := map[string]string{
		"%%\nfmt.Println(1)":     `line 1: "%%" is a GoNB command`,
		"func F() {}\n!rm -rf /": `line 2: "!rm -rf /" is a GoNB command`,
		"func main() {}":         "line 1: func main runs on its own",
		"\nfunc init_x() {}":     "line 2: func init_x runs on its own",
		"func F() {\n\tx := \n}": "line 3:1: expected operand",
		"fmt.Println(1)":         "line 1:1: expected declaration",
	}
	for src, want := range cases {
		_, err := ExerciseCode(src)
		require.Error(t, err, src)
		assert.Contains(t, err.Error(), want, src)
	}
	_, err := ExerciseCode("import \"sync\"\n\n// F is fine.\nfunc F() { var mu sync.Mutex; mu.Lock() }\ntype T struct{}\nfunc (T) main() {}")
	assert.NoError(t, err, "a method named main is fine")
}

func TestCheckCellsLoseTheirCommandsButKeepTheirLines(t *testing.T) {
	assert.Equal(t, "\n\nfunc TestX(t *testing.T) {}", CheckCode("%goflags -race\n%test\nfunc TestX(t *testing.T) {}"))
}

func TestCellFilesAddMissingImportsAndKeepCellLineNumbers(t *testing.T) {
	src := "import \"os\"\n\n// Upper shouts.\nfunc Upper(s string) string {\n\treturn strings.ToUpper(s)\n}\n"
	file, err := CellFile("submission", "exercise cell", src, ".")
	require.NoError(t, err)
	got := string(file)
	assert.True(t, strings.HasPrefix(got, "package submission; import (\"strings\")\n//line exercise cell:1:1\n"), got)
	assert.NotContains(t, got, `"os"`, "unused imports are dropped, as GoNB's goimports does")
	lines := strings.Split(got, "\n")
	assert.Equal(t, "\treturn strings.ToUpper(s)", lines[2+4], "cell line 5 stays line 5 after the directive")
}

func TestCellFilesFindTheLessonPackages(t *testing.T) {
	src := "func Now() string { return timeline.FormatDuration(0) }"
	file, err := CellFile("submission", "exercise cell", src, ".")
	require.NoError(t, err)
	assert.Contains(t, string(file), `"github.com/goconc/goconc/lessons/timeline"`)
}
