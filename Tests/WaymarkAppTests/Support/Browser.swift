import Foundation
import NIOCore
import XCTVapor
@testable import WaymarkApp

/// A pretend browser for tests: it keeps cookies and the CSRF token as a real one
/// would, so tests walk the same path a person does.
final class Browser: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    private(set) var csrf: String?

    static let demoPassword = "step-together-demo"

    init(app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> XCTHTTPResponse {
        let response = try await send(.GET, path, headers: headers, body: nil)
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
        return response
    }

    /// Posts a form; the CSRF token of the current session is added unless given.
    @discardableResult
    func post(_ path: String, form: [String: String], includeCSRF: Bool = true) async throws -> XCTHTTPResponse {
        try await post(path, pairs: form.map { ($0.key, $0.value) }, includeCSRF: includeCSRF)
    }

    /// Posts fields in order, a name possibly repeated (`routes[]` for each ticked box).
    @discardableResult
    func post(_ path: String, pairs: [(String, String)], includeCSRF: Bool = true) async throws -> XCTHTTPResponse {
        var fields = pairs
        if includeCSRF, !fields.contains(where: { $0.0 == "_csrf" }) {
            if csrf == nil { try await get(SiteMap.signIn.path()) }
            fields.append(("_csrf", csrf ?? ""))
        }
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let response = try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
        return response
    }

    func postMultipart(_ path: String, fields: [String: String], file: (name: String, filename: String, data: Data)) async throws -> XCTHTTPResponse {
        let boundary = "waymark-test-\(UUID().uuidString)"
        var body = Data()
        var all = fields
        if all["_csrf"] == nil { all["_csrf"] = csrf }
        for (name, value) in all {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(file.data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let response = try await send(.POST, path, headers: headers, body: ByteBuffer(data: body))
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
        return response
    }

    func signIn(_ email: String, password: String = Browser.demoPassword) async throws {
        try await get(SiteMap.signIn.path())
        let response = try await post(SiteMap.signIn.path(), form: ["email": email, "password": password])
        guard response.status == .seeOther else {
            throw TestFailure("sign-in as \(email) answered \(response.status.code)")
        }
        // The session changed at sign-in, and with it the CSRF token.
        try await get(SiteMap.account.path())
    }

    /// Any method, with the browser's cookies and no body.
    func send(_ method: HTTPMethod, _ path: String) async throws -> XCTHTTPResponse {
        try await send(method, path, headers: [:], body: nil)
    }

    private func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> XCTHTTPResponse {
        var all = headers
        if !cookies.isEmpty {
            all.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testable().sendRequest(method, path, headers: all, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[1].isEmpty || header.contains("Max-Age=0") { cookies[parts[0]] = nil } else { cookies[parts[0]] = parts[1] }
        }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
