"""The accessibility statement, as UK public sector websites publish one (2018 Regulations)."""

import dash
from dash import html

dash.register_page(
    __name__,
    path="/accessibility",
    name="Accessibility",
    title="Accessibility statement - Collaborative Communities Monitor",
    description="How accessible the monitor is and how to report a problem.",
    order=95,
    nav=True,
)


def layout(**_kwargs: object) -> html.Div:
    return html.Article(
        [
            html.H1("Accessibility statement for the Collaborative Communities Monitor"),
            html.P(
                "This statement applies to the Collaborative Communities Monitor, Thurrock "
                "Council's dashboard for the Collaborative Communities Framework 2021-2025."
            ),
            html.P(
                "This website is run by Thurrock Council. We want as many people as possible to "
                "be able to use it. For example, that means you should be able to:"
            ),
            html.Ul(
                [
                    html.Li("zoom in up to 400% without the text spilling off the screen"),
                    html.Li("navigate the whole site using just a keyboard"),
                    html.Li("navigate most of the site using speech recognition software"),
                    html.Li("listen to the site using a screen reader"),
                    html.Li("read every chart's figures as a table ('Show as table')"),
                    html.Li("tell the status of a measure from its icon and words, not colour"),
                ]
            ),
            html.H2("How accessible this website is"),
            html.P("We know some parts of this website are not fully accessible:"),
            html.Ul(
                [
                    html.Li(
                        "the interactive map cannot be operated with a keyboard; the same "
                        "figures, with links to each neighbourhood, are in the table below it"
                    ),
                    html.Li(
                        "charts are drawn as images a screen reader cannot read; each has a "
                        "sentence describing it and a table of its figures"
                    ),
                ]
            ),
            html.H2("Feedback and contact information"),
            html.P(
                "If you need information on this website in a different format, like accessible "
                "PDF, large print, easy read, audio recording or braille, contact the Community "
                "Development and Equalities team through the council's contact centre. We will "
                "consider your request and get back to you within 10 working days."
            ),
            html.H2("Reporting accessibility problems with this website"),
            html.P(
                "We are always looking to improve the accessibility of this website. If you find "
                "any problems not listed on this page or think we are not meeting accessibility "
                "requirements, contact the Community Development and Equalities team."
            ),
            html.H2("Enforcement procedure"),
            html.P(
                "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
                "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
                "Regulations 2018 (the 'accessibility regulations'). If you are not happy with "
                "how we respond to your complaint, contact the Equality Advisory and Support "
                "Service (EASS)."
            ),
            html.H2("Technical information about this website's accessibility"),
            html.P(
                "Thurrock Council is committed to making its website accessible, in accordance "
                "with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
                "Accessibility Regulations 2018."
            ),
            html.H3("Compliance status"),
            html.P(
                "This website is partially compliant with the Web Content Accessibility "
                "Guidelines version 2.2 AA standard, due to the non-compliances listed below."
            ),
            html.H3("Non-accessible content"),
            html.P(
                "The map of neighbourhood clusters is not operable by keyboard (WCAG 2.1.1 "
                "Keyboard). The table beside it gives the same figures and links. Chart images "
                "have no text alternative of their own (WCAG 1.1.1 Non-text content); their "
                "figures are given as tables and a summary sentence."
            ),
            html.H2("How we tested this website"),
            html.P(
                "Every page is tested automatically with axe-core in a browser on each change, "
                "and checked by hand with a keyboard and at 1366 by 768 pixels."
            ),
            html.H2("Preparation of this accessibility statement"),
            html.P("This statement was prepared on 22 November 2026."),
        ],
        className="statement",
    )
