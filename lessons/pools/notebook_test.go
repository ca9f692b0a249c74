package pools

import (
	"testing"

	"github.com/goconc/goconc/kernel/notebook/notebooktest"
)

// TestNotebookOutputs asserts what 05-pools printed when it ran with
// the solutions in (`bin/goconc run --solved --write`): the seed's
// sums, the checks' scores, and the lines the notebook's text
// promises. Timings and pids vary and are matched, not compared.
func TestNotebookOutputs(t *testing.T) {
	nb := notebooktest.Executed(t, "05-pools")
	seed := "[37550402023 142913828922 312471072265]"
	for _, id := range []string{"primes-sequential", "primes-per-number", "primes-split", "process-pool"} {
		nb.Has(t, id, seed)
	}
	nb.Matches(t, "primes-sequential", `^one goroutine: \d`)
	nb.Has(t, "primes-speedup", "Go:     "+seed, "Python: "+seed)
	nb.Matches(t, "primes-speedup", `^1 workers\s+\S+\s+speedup 1\.00$`,
		`^Go with \d+ goroutines is \d+ times as fast as Python's Pool\(2\)$`)

	nb.Has(t, "check-sum-primes", "PASS sum-primes: 10/10 points")
	nb.Has(t, "sum-primes-run", seed+" the seed's: true")
	nb.Matches(t, "sum-primes-run", `^speedup \d+\.\d\d with \d+ workers$`)

	// The 183,068 primes in range(10, 2500000) (183,072 below 2.5
	// million, less 2, 3, 5 and 7): the first ten and the last ten.
	nb.Has(t, "compress", "183068 [11 13 17 19 23 29 31 37 41 43] "+
		"[2499923 2499941 2499943 2499947 2499949 2499953 2499967 2499983 2499989 2499997]")

	nb.Has(t, "fruits", "Exiting the main process")
	for _, fruit := range []string{"Orange", "Apple", "Banana", "Grapes", "Pears"} {
		nb.Matches(t, "fruits", `^worker [123]: `+fruit+`$`)
	}

	nb.Has(t, "check-parallel-map", "PASS parallel-map: 10/10 points")
	nb.Has(t, "parallel-map-run", "[ORANGE APPLE BANANA GRAPES PEARS]", seed)

	nb.Has(t, "images", "Downloading..")
	nb.Matches(t, "images",
		`^g2\.Wait\(\): GET http://127\.0\.0\.1:\d+/no-such-photo: 404 Not Found$`,
		`^the first photo: Get "http://127\.0\.0\.1:\d+/photos/agsJY5jzeAw/download": `+
			`GET http://127\.0\.0\.1:\d+/no-such-photo: 404 Not Found$`,
		// 5 unless the machine is so busy that a photo beat the 404.
		`^[0-5] of the 5 photos gave up$`)

	nb.Has(t, "check-executor", "PASS executor: 10/10 points")
	nb.Has(t, "executor-run", "the last photo is not done yet", "after Shutdown: cannot submit a task after Shutdown")
	for _, id := range PhotoIDs {
		nb.Matches(t, "executor-run", `^`+id+` \d+ bytes <nil>$`)
	}

	nb.Has(t, "processes", "Exiting the main process")
	nb.Matches(t, "processes", `^main process: pid \d+$`,
		`^parent got: \d+-Process 1: Hello$`, `^parent got: \d+-Process 2: Hello$`,
		`^parent got: \d+-Process 3: Good morning$`)
	nb.Matches(t, "squares", `^child pids: \[\d+( \d+)*\]$`)
	nb.Matches(t, "process-pool", `^a pool of processes: \d`)
}
