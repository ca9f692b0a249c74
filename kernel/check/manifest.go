package check

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/lessons/exercise"
)

// manifestCache holds what each exercise is worth, learned once per
// topic by running the solutions' tests in manifest mode.
type manifestCache struct {
	mu      sync.Mutex
	byTopic map[string]map[string]exercise.Manifest
}

// fillMaxPoints gives a result that has no parts (missing, does not
// compile) the parts and points it would have earned, all lost, so a
// grade always says "0 of 10", never "0 of 0".
func (ch *Checker) fillMaxPoints(ctx context.Context, topic string, r *ExerciseResult) error {
	if len(r.Parts) > 0 {
		return nil
	}
	ms, err := ch.manifests.get(ctx, ch.goBin, ch.Course, topic)
	if err != nil {
		return err
	}
	m, ok := ms[r.Exercise]
	if !ok {
		return fmt.Errorf("the course has no check for exercise %s in solutions/%s", r.Exercise, topic)
	}
	r.MaxPoints = 0
	for _, p := range m.Parts {
		r.MaxPoints += p.Points
		r.Parts = append(r.Parts, PartResult{Name: p.Name, Status: r.Status, MaxPoints: p.Points, Message: "not run: " + r.Message})
	}
	ch.Extra.notRun(r, r.Status, "not run: "+r.Message)
	return nil
}

// get runs the topic's solution tests with the checker's own go
// command, the first time a topic is asked for.
func (c *manifestCache) get(ctx context.Context, goBin string, crs *course.Course, topic string) (map[string]exercise.Manifest, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ms, ok := c.byTopic[topic]; ok {
		return ms, nil
	}
	cmd := exec.CommandContext(ctx, goBin, "test", "-json", "-count=1", "./solutions/"+topic+"/")
	cmd.Dir = crs.Root
	cmd.Env = append(os.Environ(), "GOCONC_MANIFEST=1", "GOFLAGS=-mod=mod", "GOPROXY=off")
	out, err := cmd.Output()
	if err != nil && len(out) == 0 {
		return nil, fmt.Errorf("reading the points of solutions/%s: %w", topic, err)
	}
	ms := map[string]exercise.Manifest{}
	for _, run := range readTestEvents(bytes.NewReader(out)) {
		for _, m := range run.manifests {
			ms[m.Exercise] = m
		}
	}
	if c.byTopic == nil {
		c.byTopic = map[string]map[string]exercise.Manifest{}
	}
	c.byTopic[topic] = ms
	return ms, nil
}
