package threads

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// Item is one story of a Hacker-News-like site, as JSON:
//
//	{"id":3,"title":"Show HN: a web server in 40 lines","by":"tamsin"}
type Item struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
	By    string `json:"by"`
}

// items are made up; seed 001 requests ids 1 to 19 from the real API.
var items = []Item{
	{1, "Ask HN: What do you wish your first job had taught you?", "margo"},
	{2, "A tour of the Go scheduler", "obi"},
	{3, "Show HN: a web server in 40 lines", "tamsin"},
	{4, "Why my laptop fan spins when nothing runs", "dieter"},
	{5, "The unreasonable effectiveness of print debugging", "ada_b"},
	{6, "Threads are not the enemy, shared state is", "kwame"},
	{7, "Show HN: I rewrote our build in a Makefile", "lucia"},
	{8, "What a 1970s mainframe can teach about queues", "ibrahim"},
	{9, "Ask HN: How do you test code that sleeps?", "noor"},
	{10, "Backpressure, explained with a kitchen", "hideo"},
	{11, "The GIL, twenty years on", "priya"},
	{12, "Show HN: A timeline of every goroutine in your program", "sven"},
	{13, "Latency numbers, updated", "olu"},
	{14, "How we cut our p99 by waiting less", "chen"},
	{15, "Ask HN: Processes or threads for a web crawler?", "rafa"},
	{16, "Deadlocks I have known", "ines"},
	{17, "A worker pool in every language", "tomas"},
	{18, "Reading the race detector's reports", "yuki"},
	{19, "Show HN: Lincoln's speeches as a JSON API", "abe_fan"},
}

// serveItem answers GET /items/{id}.
func serveItem(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil || id < 1 || id > len(items) {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(items[id-1])
}
