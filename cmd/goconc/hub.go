package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/user"

	"github.com/goconc/goconc/kernel/course"
	"github.com/goconc/goconc/kernel/hub"
)

func hubCommand(fs *flag.FlagSet) func(context.Context, *course.Course, []string) error {
	addr := fs.String("addr", "127.0.0.1", "`ADDR` to serve on (0.0.0.0: every interface; put TLS in front)")
	port := fs.Int("port", 8000, "port (0 picks a free one)")
	dir := fs.String("dir", "hub-class", "`DIR` of the hub's state; in the quick try also the learners' homes (DIR/homes)")
	pam := fs.Bool("pam", false, "the machine's users log in with their passwords (PAM; run as root)")
	password := fs.String("password", "", "the quick try's class `PASSWORD` (default $GOCONC_HUB_PASSWORD); not for real classes")
	class := fs.String("class", hub.DefaultClassDir, "the class install (`DIR`) written by setup --hub")
	return func(ctx context.Context, c *course.Course, args []string) error {
		fs.Parse(args)
		if *password == "" {
			*password = os.Getenv("GOCONC_HUB_PASSWORD")
		}
		self, err := os.Executable()
		if err != nil {
			return err
		}
		h, err := hub.Start(ctx, hub.Options{Addr: *addr, Port: *port, Dir: *dir, PAM: *pam, Password: *password,
			Config: c.Root + "/hub/jupyterhub_config.py", Goconc: self, Class: hub.Class{Dir: *class}, Log: os.Stderr})
		if err != nil {
			return err
		}
		how := "the machine's users, with their own passwords (PAM)"
		if !*pam {
			me := "this user"
			if u, err := user.Current(); err == nil {
				me = u.Username
			}
			how = "any name and the class password (the quick try: every learner runs as " +
				me + "; not for real classes); homes in " + h.Homes
		}
		fmt.Printf("\nThe class hub is at\n\n    %s\n\nLearners log in with %s.\nCtrl-C, SIGTERM or closing this terminal stops the hub, every learner's\nserver and kernel.\n\n", h.URL, how)
		select {
		case <-ctx.Done():
			h.Stop()
			return nil
		case <-hubExit(h):
			h.Stop()
			return fmt.Errorf("jupyterhub stopped; its log is above")
		}
	}
}

func hubExit(h *hub.Hub) <-chan error {
	ch := make(chan error, 1)
	go func() { ch <- h.Wait() }()
	return ch
}
