package gradescope

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// valid is a results.json as goconc writes one: two claims, 2 of 5.
const valid = `{"score": 2, "execution_time": 3, "output": "**2 of 5 points.**", "output_format": "md",
 "test_output_format": "md", "test_name_format": "text", "visibility": "visible", "stdout_visibility": "hidden",
 "tests": [
  {"name": "01-threads · fetch-all · a", "name_format": "text", "number": "1.1", "score": 2, "max_score": 2,
   "status": "passed", "output": "This claim holds.", "output_format": "md", "visibility": "visible"},
  {"name": "01-threads · fetch-all · b", "name_format": "text", "number": "1.2", "score": 0, "max_score": 3,
   "status": "failed", "output": "no", "output_format": "md", "visibility": "hidden"}]}`

func TestAResultsFileAsGoconcWritesItValidates(t *testing.T) {
	require.NoError(t, Validate([]byte(valid)))
	data, err := json.Marshal(Failure("Your submission is empty."))
	require.NoError(t, err)
	require.NoError(t, Validate(data), "a failure's results")
}

// Each way a results.json can break the specification, or goconc's
// promises, is named.
func TestValidateRejectsWhatTheSpecificationDoesNotAllow(t *testing.T) {
	for _, tc := range []struct{ old, new, want string }{
		{`"score": 2, "execution_time"`, `"score": 3, "execution_time"`, "not the sum"},
		{`"score": 2, "execution_time"`, `"score": "2", "execution_time"`, "score: want a number"},
		{`"execution_time": 3`, `"execution_time": 2.5`, "whole seconds"},
		{`"stdout_visibility": "hidden"`, `"stdout_visibility": "students"`, "not one of"},
		{`"output_format": "md",` + "\n", `"output_format": "markdown",` + "\n", "output_format"},
		{`"status": "passed"`, `"status": "pass"`, "status"},
		{`"visibility": "hidden"}`, `"visibility": "secret"}`, "tests[1]: visibility"},
		{`"max_score": 3`, `"max_score": -1`, "out of 0..max_score"},
		{`"score": 2, "max_score": 2`, `"score": 3, "max_score": 2`, "out of 0..max_score"},
		{`"number": "1.1"`, `"number": 1.1`, "number: want a string"},
		{`"name": "01-threads · fetch-all · a"`, `"name": ""`, "name is empty"},
		{`"output": "no"`, `"outptu": "no"`, `"outptu" is no field`},
		{`"output_format": "md",` + "\n", `"output_format": "md", "bonus": 1,` + "\n", `"bonus" is no field`},
		{`"tests": [`, `"tests": "none", "leaderboard": [`, "tests: want an array"},
	} {
		bad := strings.Replace(valid, tc.old, tc.new, 1)
		require.NotEqual(t, valid, bad, tc.old)
		err := Validate([]byte(bad))
		if assert.Error(t, err, tc.new) {
			assert.Contains(t, err.Error(), tc.want)
		}
	}
	assert.ErrorContains(t, Validate([]byte(`[]`)), "not a JSON object")
}
