"""Accept and reject every tracked change of Word documents with LibreOffice.

Usage: python3 accept-reject.py IN.docx OUT_DIR [IN2.docx ...]
For each IN.docx, writes OUT_DIR/<name>.accepted.docx and OUT_DIR/<name>.rejected.docx,
with one headless soffice process for all of them (started here, ended here).
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    out_dir = sys.argv[2]
    inputs = [sys.argv[1]] + sys.argv[3:]
    profile = tempfile.mkdtemp(prefix="palimpsest-lo-")
    pipe = "palimpsest%d" % os.getpid()
    office = subprocess.Popen([
        "soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
        "-env:UserInstallation=file://" + profile,
        "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(600):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.1)
        if ctx is None:
            raise SystemExit("soffice did not start")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for path in inputs:
            name = os.path.basename(path)[: -len(".docx")]
            for action, command in (("accepted", ".uno:AcceptAllTrackedChanges"), ("rejected", ".uno:RejectAllTrackedChanges")):
                url = uno.systemPathToFileUrl(os.path.abspath(path))
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
                dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
                out = uno.systemPathToFileUrl(os.path.abspath(os.path.join(out_dir, "%s.%s.docx" % (name, action))))
                doc.storeToURL(out, (prop("FilterName", "MS Word 2007 XML"),))
                doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
