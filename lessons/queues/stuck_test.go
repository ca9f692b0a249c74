package queues

import (
	"slices"
	"testing"
	"time"
)

func TestStuckSendingNamesTheBlockedSenders(t *testing.T) {
	ch := make(chan int)
	for range 2 {
		go blockedSender(ch)
	}
	got := StuckSending(2, 5*time.Second)
	<-ch
	<-ch
	if want := []string{"blockedSender", "blockedSender"}; !slices.Equal(got, want) {
		t.Errorf("StuckSending(2, …) = %q, want %q", got, want)
	}
}

func blockedSender(ch chan<- int) { ch <- 1 }
