package grade

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ReadClass reads dir/results.json, as WriteClass wrote it.
func ReadClass(dir string) (Class, error) {
	var class Class
	data, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		return class, fmt.Errorf("%s is no grading output: %w", dir, err)
	}
	if err := json.Unmarshal(data, &class); err != nil {
		return class, fmt.Errorf("%s: results.json: %w", filepath.Join(dir, "results.json"), err)
	}
	return class, nil
}

// Merge joins the results of every shard of one grading (Grader.Shard)
// into one class, as if it had been graded at once. It refuses, saying
// which dirs, shards of different gradings (another course, other
// settings, notebooks or due time), a shard given twice or left out,
// and a learner in two shards. dirs name the shards in the errors.
func Merge(dirs []string, shards []Class) (Class, error) {
	if len(shards) == 0 {
		return Class{}, fmt.Errorf("no shards to merge")
	}
	first := shards[0]
	if first.Shard == "" {
		return Class{}, fmt.Errorf("%s is not a shard (graded without --shard)", dirs[0])
	}
	sh, err := ParseShard(first.Shard)
	if err != nil {
		return Class{}, fmt.Errorf("%s: %w", dirs[0], err)
	}
	n := sh.N
	merged := first
	merged.Shard, merged.Students = "", nil
	seenShard := map[string]string{}
	owner := map[string]string{}
	for i, c := range shards {
		if c.Shard == "" {
			return Class{}, fmt.Errorf("%s is not a shard (graded without --shard)", dirs[i])
		}
		if other, ok := seenShard[c.Shard]; ok {
			return Class{}, fmt.Errorf("shard %s is both %s and %s", c.Shard, other, dirs[i])
		}
		seenShard[c.Shard] = dirs[i]
		if diff := settingsDiff(first, c); diff != "" {
			return Class{}, fmt.Errorf("%s and %s are not shards of one grading: %s", dirs[0], dirs[i], diff)
		}
		for _, s := range c.Students {
			if other, ok := owner[s.Student]; ok {
				return Class{}, fmt.Errorf("learner %s is in both %s and %s", s.Student, other, dirs[i])
			}
			owner[s.Student] = dirs[i]
			merged.Students = append(merged.Students, s)
		}
		if c.Graded.After(merged.Graded) {
			merged.Graded = c.Graded
		}
	}
	for k := 1; k <= n; k++ {
		if _, ok := seenShard[fmt.Sprintf("%d/%d", k, n)]; !ok {
			return Class{}, fmt.Errorf("shard %d/%d is missing: merge all %d shards at once", k, n, n)
		}
	}
	slices.SortFunc(merged.Students, func(a, b StudentResult) int { return strings.Compare(a.Student, b.Student) })
	return merged, nil
}

// settingsDiff says how two shards' gradings differ, or "".
func settingsDiff(a, b Class) string {
	_, na, _ := strings.Cut(a.Shard, "/")
	_, nb, _ := strings.Cut(b.Shard, "/")
	dueA, dueB := "none", "none"
	if a.Due != nil {
		dueA = a.Due.String()
	}
	if b.Due != nil {
		dueB = b.Due.String()
	}
	switch {
	case na != nb:
		return fmt.Sprintf("one of %s shards, one of %s", na, nb)
	case a.Course != b.Course:
		return "graded with another course checkout or other settings (--timeout, limits)"
	case a.Race != b.Race:
		return fmt.Sprintf("race detector %v and %v", a.Race, b.Race)
	case a.Sandbox != b.Sandbox:
		return fmt.Sprintf("sandbox %v and %v", a.Sandbox, b.Sandbox)
	case !slices.Equal(a.Notebooks, b.Notebooks):
		return fmt.Sprintf("notebooks %s and %s", strings.Join(a.Notebooks, ","), strings.Join(b.Notebooks, ","))
	case dueA != dueB:
		return fmt.Sprintf("due %s and %s", dueA, dueB)
	}
	return ""
}
