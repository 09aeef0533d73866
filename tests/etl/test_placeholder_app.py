from dashboard.app import create_app


def test_placeholder_home_page_serves(tmp_path):
    client = create_app(tmp_path / "w.duckdb").server.test_client()
    response = client.get("/")
    assert response.status_code == 200
    assert b"Collaborative Communities Monitor" in response.data
