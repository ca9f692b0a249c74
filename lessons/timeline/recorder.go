package timeline

import (
	"cmp"
	"slices"
	"sync"
	"time"
)

// Span is one piece of work: which lane (goroutine) did what, and when, as
// offsets from the recorder's start.
type Span struct {
	Lane, Label string
	Start, End  time.Duration
}

// Duration is how long the span lasted.
func (s Span) Duration() time.Duration { return s.End - s.Start }

// Recorder collects spans from many goroutines at once. It is safe for
// concurrent use: every method takes the mutex, so workers can record while
// others read.
//
// Times are offsets from the moment New was called, measured with time.Now
// and time.Since only. Inside a testing/synctest bubble those read the fake
// clock, so a recorder created inside the bubble produces exact,
// deterministic timelines.
type Recorder struct {
	title  string
	origin time.Time

	mu        sync.Mutex
	spans     []Span
	laneFirst map[string]int // lane → how many lanes were known when it first appeared
}

// New starts a recorder whose time origin is now.
func New(title string) *Recorder {
	return &Recorder{title: title, origin: time.Now(), laneFirst: map[string]int{}}
}

// Title is the title given to New; renderings print it at the top.
func (r *Recorder) Title() string { return r.title }

// Begin starts a span now and returns the function that ends it, so a whole
// function body can be measured with one line:
//
//	defer rec.Begin("worker 1", "page 3")()
//
// Calling the returned function more than once records the span only once.
func (r *Recorder) Begin(lane, label string) (end func()) {
	start := time.Since(r.origin)
	var once sync.Once
	return func() {
		once.Do(func() {
			r.Add(Span{Lane: lane, Label: label, Start: start, End: time.Since(r.origin)})
		})
	}
}

// Add records a span measured elsewhere, or made up for a picture. A span
// that ends before it starts is stored with End = Start so renderers never
// see negative widths.
func (r *Recorder) Add(s Span) {
	s.End = max(s.End, s.Start)
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.laneFirst[s.Lane]; !ok {
		r.laneFirst[s.Lane] = len(r.laneFirst)
	}
	r.spans = append(r.spans, s)
}

// Spans returns a copy of the recorded spans sorted by Start, then by lane
// order (see Lanes), then by End; spans equal in all three keep the order in
// which they were recorded.
func (r *Recorder) Spans() []Span {
	spans, _ := r.snapshot()
	return spans
}

// Lanes returns the lane names in the order a reader expects to see them:
// by the earliest Start in each lane, and lanes starting at the same moment
// in the order they were first recorded.
func (r *Recorder) Lanes() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lanesLocked()
}

// Elapsed is the End of the last span to finish, or 0 if none was recorded.
func (r *Recorder) Elapsed() time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return lastEnd(r.spans)
}

// lastEnd is the latest End among spans, or 0 if there are none.
func lastEnd(spans []Span) time.Duration {
	var last time.Duration
	for _, s := range spans {
		last = max(last, s.End)
	}
	return last
}

// lanesLocked orders lanes as documented on Lanes; r.mu must be held.
func (r *Recorder) lanesLocked() []string {
	earliest := make(map[string]time.Duration, len(r.laneFirst))
	for _, s := range r.spans {
		if e, ok := earliest[s.Lane]; !ok || s.Start < e {
			earliest[s.Lane] = s.Start
		}
	}
	lanes := make([]string, 0, len(r.laneFirst))
	for lane := range r.laneFirst {
		lanes = append(lanes, lane)
	}
	slices.SortFunc(lanes, func(a, b string) int {
		return cmp.Or(
			cmp.Compare(earliest[a], earliest[b]),
			cmp.Compare(r.laneFirst[a], r.laneFirst[b]),
		)
	})
	return lanes
}

// snapshot returns the sorted spans and the lane order taken under one lock,
// so a rendering never mixes two different moments.
func (r *Recorder) snapshot() (spans []Span, lanes []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	lanes = r.lanesLocked()
	rank := make(map[string]int, len(lanes))
	for i, lane := range lanes {
		rank[lane] = i
	}
	spans = slices.Clone(r.spans)
	slices.SortStableFunc(spans, func(a, b Span) int {
		return cmp.Or(
			cmp.Compare(a.Start, b.Start),
			cmp.Compare(rank[a.Lane], rank[b.Lane]),
			cmp.Compare(a.End, b.End),
		)
	})
	return spans, lanes
}
