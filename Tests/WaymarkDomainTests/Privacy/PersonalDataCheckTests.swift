import Testing
@testable import WaymarkDomain

@Suite("Personal data in free text: published text is refused, the tenant's own text needs a confirmation")
struct PersonalDataCheckTests {
    typealias Check = PersonalDataCheck

    @Test("Each flagged field is named, with what was found, all at once; clean fields are not")
    func everyFieldNamed() {
        let texts = [
            Check.Text(field: "note", label: "The note", text: "Ring Sam on 07700 900123"),
            Check.Text(field: "programme", label: "The name", text: "Route continuation 2024 to 2025"),
            Check.Text(field: "reason", label: "The reason", text: "Moved to 12 Park Road"),
        ]
        let problems = Check.problems(texts, confirmed: false)
        #expect(problems.map(\.field) == ["note", "reason"])
        #expect(problems[0].message == "The note looks like it holds personal data: a phone number (07700 900123). Remove it, or tick “I have checked” and send the form again")
        #expect(problems.allSatisfy { $0.confirmable })
    }

    @Test("Confirming lets the tenant's own text through, never published text")
    func confirmation() {
        let kept = Check.Text(field: "note", label: "The note", text: "Write to sam@example.org")
        let published = Check.Text(field: "answer", label: "The answer", text: "Write to sam@example.org", audience: .published)
        #expect(Check.problems([kept], confirmed: true).isEmpty)
        let refused = Check.problems([kept, published], confirmed: true)
        #expect(refused == [Check.Problem(field: "answer", message: "The answer is published, so it must not hold personal data: remove an email address (sam@example.org)", confirmable: false)])
    }

    @Test("Empty and absent text is never a problem", arguments: [nil, "", "   "] as [String?])
    func emptyText(_ text: String?) {
        #expect(Check.problems([Check.Text(field: "note", label: "The note", text: text, audience: .published)], confirmed: false).isEmpty)
    }
}

@Suite("Personal data in imported free text")
struct PersonalDataImportTests {
    @Test("An import cannot confirm: the text is refused, and the message says where it can be confirmed")
    func importCannotConfirm() {
        let text = PersonalDataCheck.Text(field: "note", label: "The text", text: "Ring 07700 900123")
        let problems = PersonalDataCheck.problems([text], confirmed: true, channel: .importFile)
        #expect(problems.map(\.field) == ["note"])
        #expect(problems.first?.confirmable == false)
        #expect(problems.first?.message.hasSuffix("Remove it, or enter it through the form, where you can confirm it is not personal data") == true)
    }
}
