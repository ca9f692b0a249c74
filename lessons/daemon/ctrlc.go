package daemon

import (
	"os"
	"time"
)

// CtrlCAfter sends this program os.Interrupt (SIGINT) after d: the
// signal that Ctrl-C sends in a terminal, and that Jupyter's Interrupt
// button (■) makes GoNB send to a running cell. A notebook cell cannot
// wait for a person to press a key, so it presses Ctrl-C on itself.
//
// Set up the handling first (signal.NotifyContext): a Go program that
// does not handle os.Interrupt is ended by it.
func CtrlCAfter(d time.Duration) {
	time.AfterFunc(d, func() {
		self, err := os.FindProcess(os.Getpid())
		if err == nil {
			err = self.Signal(os.Interrupt)
		}
		if err != nil {
			panic("CtrlCAfter: cannot interrupt this program: " + err.Error())
		}
	})
}
