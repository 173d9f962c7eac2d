"""Switching the interface language: the portal and the workspace follow the reader's choice."""

import pytest
from playwright.sync_api import expect

from ortak.registry.reference import reference_load
from tests.browser.test_workspace_review import _account, _code_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long pass phrase for tests"


def test_reader_switches_to_russian_and_works_in_russian(page, live_server):
    reference_load()
    user = _account(reviewer=True)
    page.goto(live_server.url + "/")
    page.get_by_label("Language").select_option("ru")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ru"
    expect(page.get_by_role("link", name="Главная").first).to_be_visible()

    page.goto(live_server.url + "/workspace/")
    page.get_by_label("Имя пользователя").fill(user.username)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url("**/two-factor/setup/**")  # a reviewer sets up the second step first
    expect(page.get_by_role("heading", name="Настройте двухфакторный вход")).to_be_visible()
    key = page.locator("#totp-secret").inner_text()
    page.get_by_label("Код из приложения-аутентификатора").fill(_code_for(key))
    page.get_by_role("button", name="Подтвердить").click()
    page.wait_for_url("**/workspace/")
    expect(page.get_by_role("heading", name="Ваша рабочая область")).to_be_visible()
    expect(page.get_by_role("link", name="Черновики на проверку").first).to_be_visible()

    page.get_by_role("link", name="Добавить статью").first.click()
    page.get_by_role("button", name="Прочитать статью").click()
    summary = page.get_by_role("alert")
    expect(summary.get_by_text("Есть проблема")).to_be_visible()
    assert summary.get_by_text("Вставьте текст статьи, загрузите файл или укажите её адрес").count()


def test_kazakh_reader_sees_places_and_roles_in_kazakh(page, live_server):
    from ortak.portal.tests.seed import portal_seed

    roundtable = portal_seed()["events"]["roundtable"]
    page.goto(live_server.url + "/")
    page.get_by_label("Language").select_option("kk")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/events/{roundtable.pk}/")
    expect(page.get_by_text("Бішкек, Қырғызстан")).to_be_visible()
    expect(page.get_by_role("cell", name="Қабылдаушы тарап, Министр")).to_be_visible()
    page.get_by_role("link", name="Қырғызстан").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Қырғызстан")
