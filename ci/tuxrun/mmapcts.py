# A TuxRun/TuxLAVA test class for mmapcts: drop it into tuxlava/tests/ (or
# tuxrun/tests/ in older tuxrun) with mmapcts.yaml.jinja2 beside the other
# templates.  The suite comes in as an overlay, the static release tarball:
#   tuxrun --device qemu-arm64 --kernel Image --tests mmapcts \
#          --overlay mmapcts-VERSION-aarch64-static.tar.xz
# Without this class, stock tuxrun runs it as a command test:
#   tuxrun --device qemu-arm64 --kernel Image \
#          --overlay mmapcts-VERSION-aarch64-static.tar.xz \
#          -- sh -c '/mmapcts-*-static/bin/mmapcts --format ktap --no-json'
from tuxlava.tests import Test


class MmapctsTest(Test):
    devices = ["qemu-*", "fvp-aemva", "nfs-*", "fastboot-*"]
    name = "mmapcts"
    timeout = 30            # minutes: the suite takes seconds natively, minutes under TCG
    need_test_definition = False

    def render(self, **kwargs):
        kwargs["name"] = self.name
        kwargs["timeout"] = self.timeout
        return self._render("mmapcts.yaml.jinja2", **kwargs)
