"""A desktop notification server for the end-to-end tests.

Owns org.freedesktop.Notifications on the session bus, prints each Notify
call as a JSON line on stdout (after a first line "ready"), and emits
ActionInvoked for each "invoke ID ACTION" line read on stdin, as a user's
click on a notification does. Ends when stdin closes.
"""

import json
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

INTERFACE = "org.freedesktop.Notifications"


class Server(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, "/org/freedesktop/Notifications")
        self.last_id = 0

    @dbus.service.method(INTERFACE, in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app_name, replaces_id, icon, summary, body, actions, hints, timeout):
        self.last_id += 1
        print(
            json.dumps(
                {
                    "id": self.last_id,
                    "app_name": str(app_name),
                    "summary": str(summary),
                    "body": str(body),
                    "actions": [str(a) for a in actions],
                }
            ),
            flush=True,
        )
        return dbus.UInt32(self.last_id)

    @dbus.service.method(INTERFACE, in_signature="", out_signature="as")
    def GetCapabilities(self):
        return ["actions", "body"]

    @dbus.service.method(INTERFACE, in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ("berth-e2e", "berth", "1", "1.2")

    @dbus.service.method(INTERFACE, in_signature="u", out_signature="")
    def CloseNotification(self, notification_id):
        self.NotificationClosed(notification_id, dbus.UInt32(3))

    @dbus.service.signal(INTERFACE, signature="us")
    def ActionInvoked(self, notification_id, action_key):
        pass

    @dbus.service.signal(INTERFACE, signature="uu")
    def NotificationClosed(self, notification_id, reason):
        pass


def main():
    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    server = Server(bus)
    # Kept referenced: dropping the BusName releases the name.
    name = dbus.service.BusName(INTERFACE, bus, do_not_queue=True)
    loop = GLib.MainLoop()

    def on_input(source, condition):
        line = sys.stdin.readline()
        if not line:
            loop.quit()
            return False
        command, notification_id, action = line.split()
        if command == "invoke":
            server.ActionInvoked(dbus.UInt32(int(notification_id)), action)
        return True

    GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP, on_input)
    print("ready", flush=True)
    loop.run()
    del name


if __name__ == "__main__":
    main()
