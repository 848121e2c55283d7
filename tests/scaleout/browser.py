"""A person's browser, over real HTTP. Its cookies go to every server, as they would if the
servers stood behind one address: a load balancer sends each request wherever it likes."""

import requests


class Browser(requests.Session):
    def post_form(self, url, data):
        """Post a form as the page would, with the CSRF token; redirects are not followed."""
        data = {**data, "csrfmiddlewaretoken": self.cookies["csrftoken"]}
        return self.post(url, data=data, allow_redirects=False, timeout=30)

    def log_in(self, server, username, password):
        self.get(f"{server}/admin/login/", timeout=30)  # sets the CSRF cookie
        form = {"username": username, "password": password}
        response = self.post_form(f"{server}/admin/login/", form)
        assert response.status_code == 302, f"{username} could not log in at {server}"

    def admin_home_status(self, server):
        """200 for a logged-in user; a redirect to the login page otherwise."""
        return self.get(f"{server}/admin/", allow_redirects=False, timeout=30).status_code


def reader_sees(server, path="/"):
    """The page as an anonymous reader gets it from one server."""
    response = requests.get(f"{server}{path}", timeout=30)
    assert response.status_code == 200, f"{server}{path} answered {response.status_code}"
    return response.text
