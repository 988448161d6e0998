import Vapor
import WaymarkDomain

/// `PersonalDataCheck` on the web and the API: reads the one confirmation a form or body
/// carries and turns what the check finds into field errors. Every handler that keeps free
/// text sends its texts here, so the rule and its words are the same everywhere.
enum PersonalDataGate {

    /// The form's box ("yes") or the API body's `true`.
    static func confirmed(_ req: Request) -> Bool {
        guard req.method == .POST, req.body.data != nil || req.body.string != nil else { return false }
        if req.headers.contentType == .json { return (try? req.content.get(Bool.self, at: PersonalDataCheck.confirmationField)) == true }
        return (try? req.content.get(String.self, at: PersonalDataCheck.confirmationField)) == "yes"
    }

    static func errors(_ req: Request, _ texts: [PersonalDataCheck.Text]) -> [FieldError] {
        PersonalDataCheck.problems(texts, confirmed: confirmed(req), channel: channel(req)).map(FieldError.init)
    }

    static func channel(_ req: Request) -> PersonalDataCheck.Channel {
        req.headers.contentType == .json ? .api : .form
    }
}

extension FieldError {
    init(_ problem: PersonalDataCheck.Problem) {
        self.init(field: problem.field, message: problem.message, confirmable: problem.confirmable)
    }
}
