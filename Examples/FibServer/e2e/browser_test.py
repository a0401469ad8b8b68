"""A real browser on fib-server's page: compute F(1000), use the family panel, submit FizzBuzz numbers,
read the table.

Usage: python3 browser_test.py http://127.0.0.1:18080
"""
import shutil
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as conditions
from selenium.webdriver.support.ui import WebDriverWait

base = sys.argv[1]
options = webdriver.ChromeOptions()
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
    options.add_argument(argument)
options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 20)
checks = 0


def check(condition, message):
    global checks
    if not condition:
        raise AssertionError(message)
    checks += 1


try:
    driver.get(base + "/")
    check("fib-server" in driver.title, "the page loads")

    field = driver.find_element(By.ID, "fib-n")
    field.clear()
    field.send_keys("1000")
    driver.find_element(By.ID, "fib-submit").click()
    wait.until(conditions.text_to_be_present_in_element((By.ID, "fib-meta"), "209 digits"))
    value = driver.find_element(By.ID, "fib-value").text
    check(value.startswith("434665576869374564356885276750406258025646605173717804024817290895365554179490518904038798400792551692959225930803226347752096896232398733224711616429964409065331879382989696499285160037044761377951668492288"),
          "F(1000) is shown in full: " + value[:40])

    field.clear()
    field.send_keys("abc")
    driver.find_element(By.ID, "fib-submit").click()
    wait.until(conditions.text_to_be_present_in_element((By.ID, "fib-error"), "n must be an integer"))
    check(True, "an error is shown for bad input")

    from selenium.webdriver.support.ui import Select

    def family(kind, x, extra, expected):
        Select(driver.find_element(By.ID, "family-kind")).select_by_value(kind)
        for element_id, text in (("family-x", x), ("family-extra", extra)):
            element = driver.find_element(By.ID, element_id)
            element.clear()
            element.send_keys(text)
        driver.find_element(By.ID, "family-submit").click()
        wait.until(conditions.text_to_be_present_in_element((By.ID, "family-result"), expected))
        check(True, "the family panel: " + kind)

    family("mod", "100", "1000", "F(100) mod 1000 = 75")
    family("leading", "1000", "5", "the first 5: 43466")
    family("trailing", "1000", "5", "the last 5: 28875")
    family("zeckendorf", "100", "", "100 = F(11) + F(6) + F(4)")
    family("index", "144", "", "144 = F(12)")

    number = driver.find_element(By.ID, "fizz-number")

    def submit(text):
        number.clear()
        number.send_keys(text)
        driver.find_element(By.ID, "fizz-submit").click()

    for submission, answer in (("77777", "77777"), ("77777", "77777"), ("3", "Fizz"), ("77777", "77777")):
        submit(submission)
        wait.until(conditions.text_to_be_present_in_element((By.ID, "fizz-result"), submission + " → " + answer))
    check(True, "each FizzBuzz answer is shown")
    submit("0")
    wait.until(conditions.text_to_be_present_in_element((By.ID, "fizz-error"), "at least 1"))
    check(driver.find_element(By.ID, "fizz-result").text == "", "a rejected number shows its error, not the previous answer")

    def table_shows_counts(_):
        rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#common-rows tr")]
        return rows if rows and rows[0] == "77777 3" else False

    rows = wait.until(table_shows_counts)
    check("3 1" in rows, "the most-common table lists 3 once: %s" % rows)
    print("browser: %d passed, 0 failed" % checks)
finally:
    driver.quit()
