package grade

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// A Shard is the K-th of N slices of a class, so N machines (a
// Kubernetes Indexed Job, a Slurm array) can grade it together. A
// learner's slice depends on their folder name alone: FNV-1a (32 bits)
// of the name, modulo N, is K-1. So every shard agrees without talking
// to the others, a learner stays in their slice from one grading to
// the next (and finds their cache there), and a learner added to the
// class moves nobody else.
type Shard struct{ K, N int }

// ParseShard reads "K/N", 1 ≤ K ≤ N.
func ParseShard(s string) (Shard, error) {
	k, n, ok := strings.Cut(s, "/")
	sh := Shard{}
	var errK, errN error
	sh.K, errK = strconv.Atoi(k)
	sh.N, errN = strconv.Atoi(n)
	if !ok || errK != nil || errN != nil || sh.N < 1 || sh.K < 1 || sh.K > sh.N {
		return Shard{}, fmt.Errorf("--shard %q: want K/N with 1 ≤ K ≤ N, such as 1/4", s)
	}
	return sh, nil
}

// Has says whether student is in the shard; the zero Shard has all.
func (sh Shard) Has(student string) bool {
	if sh.N == 0 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(student))
	return int(h.Sum32()%uint32(sh.N)) == sh.K-1
}

func (sh Shard) String() string {
	if sh.N == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", sh.K, sh.N)
}
