# goconc's JupyterHub: the course served to a class on one machine.
#
# `goconc hub` runs `jupyterhub -f` this file (JupyterHub 3.0, Debian's)
# and says what the instructor chose in GOCONC_* variables; the GoNB
# kernel, the tools and the warm build cache are the class install that
# `goconc setup --hub` wrote (/usr/local/lib/goconc and the kernel spec
# in /usr/local/share/jupyter/kernels/gonb). See the README, "Run a
# class on one machine".
import os
import pwd
import subprocess

c = get_config()  # noqa: F821 (JupyterHub defines it)
env = os.environ
hub_dir = env["GOCONC_HUB_DIR"]

# Where learners log in, and loopback ports of our choosing for the
# hub's API and the proxy's, so two hubs on one machine do not collide.
c.JupyterHub.bind_url = env["GOCONC_HUB_URL"]
c.JupyterHub.hub_bind_url = "http://127.0.0.1:" + env["GOCONC_HUB_API_PORT"]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:" + env["GOCONC_PROXY_API_PORT"]

# The hub's state lives in the hub dir, not wherever it was started.
c.JupyterHub.db_url = "sqlite:///" + os.path.join(hub_dir, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(hub_dir, "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = os.path.join(hub_dir, "jupyterhub-proxy.pid")

# On SIGTERM the hub stops every learner's server and the proxy.
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# Each learner's server: the classic Notebook, on their home (so they
# see the course and their own folder, nobody else's), opening on the
# course. Every process it starts carries the hub's marker, by which
# `goconc hub` makes sure none outlives the hub.
c.Spawner.cmd = ["jupyterhub-singleuser"]
c.Spawner.default_url = "/tree/course"
c.Spawner.environment = {"GOCONC_HUB_ID": env["GOCONC_HUB_ID"]}
c.Spawner.http_timeout = 120  # a loaded machine
c.Spawner.start_timeout = 120

if env["GOCONC_HUB_AUTH"] == "pam":
    # A real class: the machine's users and passwords, each learner's
    # server run as that user, in their home (0700 keeps others out).
    c.JupyterHub.authenticator_class = "pam"
    c.JupyterHub.spawner_class = "localprocess"
    c.Spawner.notebook_dir = "~"

    def home_of(spawner):
        return pwd.getpwnam(spawner.user.name).pw_dir

else:
    # The quick try, NOT FOR REAL CLASSES: anyone with the class
    # password logs in under any name, and every learner's server runs
    # as the hub's own user, so learners are kept apart only by what
    # the notebook page shows them, not by the file system.
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = env["GOCONC_HUB_PASSWORD"]
    c.Authenticator.username_pattern = r"^[a-z0-9][a-z0-9._-]{0,31}$"
    c.JupyterHub.spawner_class = "simple"
    homes = os.path.join(hub_dir, "homes")
    c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(homes, "{username}")
    c.Spawner.notebook_dir = os.path.join(homes, "{username}")
    if os.geteuid() == 0:
        c.Spawner.args = ["--allow-root"]  # the Notebook refuses root without it

    def home_of(spawner):
        os.makedirs(spawner.home_dir, 0o755, exist_ok=True)
        return spawner.home_dir


def hand_out(spawner):
    """On every login: the course notebooks the learner lacks, and a
    warm build cache, into their home (goconc handout never overwrites)."""
    subprocess.run(
        [env["GOCONC_BIN"], "handout", "--class", env["GOCONC_CLASS"], "--home", home_of(spawner)],
        check=True,
    )


c.Spawner.pre_spawn_hook = hand_out
