package gradescope

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

// The keys the specification documents, at the top and in a test.
var (
	topKeys  = []string{"score", "execution_time", "output", "output_format", "test_output_format", "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard"}
	testKeys = []string{"score", "max_score", "status", "name", "name_format", "number", "output", "output_format", "tags", "visibility", "extra_data"}
)

// Validate checks a results.json against Gradescope's specification
// and what goconc promises of its own: no key the specification does
// not name, every value of its documented type and allowed values,
// every field goconc writes present, each test's score between 0 and
// its max_score, and the top-level score the sum of the tests'
// (the specification lets a top-level score override that sum; goconc
// never does). It returns the first problem, naming where it is.
func Validate(data []byte) error {
	var top map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&top); err != nil {
		return fmt.Errorf("results.json is not a JSON object: %w", err)
	}
	if err := knownKeys("results.json", top, topKeys); err != nil {
		return err
	}
	score, err := number(top, "score", "results.json")
	if err != nil {
		return err
	}
	t, err := number(top, "execution_time", "results.json")
	if err != nil {
		return err
	}
	if t != math.Trunc(t) || t < 0 {
		return fmt.Errorf("results.json: execution_time: want whole seconds, at least 0, got %v", t)
	}
	for key, allowed := range map[string][]string{"output": nil, "output_format": Formats, "test_output_format": Formats,
		"test_name_format": Formats, "visibility": Visibilities, "stdout_visibility": Visibilities} {
		if err := str(top, key, "results.json", allowed); err != nil {
			return err
		}
	}
	tests, ok := top["tests"].([]any)
	if !ok {
		return fmt.Errorf("results.json: tests: want an array")
	}
	sum := 0.0
	for i, raw := range tests {
		s, err := validateTest(raw, fmt.Sprintf("tests[%d]", i))
		if err != nil {
			return err
		}
		sum += s
	}
	if math.Abs(sum-score) > 1e-9 {
		return fmt.Errorf("results.json: score %v is not the sum of the tests' scores, %v", score, sum)
	}
	return nil
}

// validateTest checks one test case and returns its score.
func validateTest(raw any, where string) (float64, error) {
	test, ok := raw.(map[string]any)
	if !ok {
		return 0, fmt.Errorf("%s: want an object", where)
	}
	if err := knownKeys(where, test, testKeys); err != nil {
		return 0, err
	}
	score, err := number(test, "score", where)
	if err != nil {
		return 0, err
	}
	max, err := number(test, "max_score", where)
	if err != nil {
		return 0, err
	}
	if score < 0 || max < 0 || score > max {
		return 0, fmt.Errorf("%s: score %v out of 0..max_score %v", where, score, max)
	}
	for key, allowed := range map[string][]string{"name": nil, "output": nil, "status": Statuses,
		"output_format": Formats, "name_format": Formats, "visibility": Visibilities} {
		if err := str(test, key, where, allowed); err != nil {
			return 0, err
		}
	}
	if test["name"] == "" {
		return 0, fmt.Errorf("%s: name is empty", where)
	}
	if n, ok := test["number"]; ok {
		if _, isString := n.(string); !isString {
			return 0, fmt.Errorf("%s: number: want a string", where)
		}
	}
	return score, nil
}

func knownKeys(where string, obj map[string]any, known []string) error {
	for key := range obj {
		if !slices.Contains(known, key) {
			return fmt.Errorf("%s: %q is no field of Gradescope's results.json", where, key)
		}
	}
	return nil
}

func number(obj map[string]any, key, where string) (float64, error) {
	n, ok := obj[key].(json.Number)
	if !ok {
		return 0, fmt.Errorf("%s: %s: want a number, got %#v", where, key, obj[key])
	}
	return n.Float64()
}

// str checks that obj[key] is a string, one of allowed when given.
func str(obj map[string]any, key, where string, allowed []string) error {
	s, ok := obj[key].(string)
	if !ok {
		return fmt.Errorf("%s: %s: want a string, got %#v", where, key, obj[key])
	}
	if allowed != nil && !slices.Contains(allowed, s) {
		return fmt.Errorf("%s: %s: %q is not one of %v", where, key, s, allowed)
	}
	return nil
}
