import Foundation
import WaymarkDomain

/// Helpers shared by the SVG drawn on the server (route map, region map, funding timeline).
/// Only Foundation and the domain, so the drawings stay plain functions of plain values.
enum SVGSupport {
    /// Text and attribute values made safe for XML.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A coordinate with one decimal: enough for a screen, small in the markup, and the same
    /// on every machine.
    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A bar of a round distance at (`x`, `y`), at most `maxPixels` long, so a map has a
    /// sense of size. Empty when the projection has no scale.
    static func scaleBar(_ projection: Projection, x: Double, y: Double, maxPixels: Double = 160) -> String {
        let metresPerPixel = projection.metresPerPixel
        guard metresPerPixel > 0, metresPerPixel.isFinite else { return "" }
        let candidates = [50.0, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000]
        let metres = candidates.last { $0 / metresPerPixel <= maxPixels } ?? 50
        let pixels = metres / metresPerPixel
        let label = metres >= 1000 ? "\(Int(metres / 1000)) km" : "\(Int(metres)) m"
        return "<g aria-hidden=\"true\"><line x1=\"\(fmt(x))\" y1=\"\(fmt(y))\" x2=\"\(fmt(x + pixels))\" y2=\"\(fmt(y))\" stroke=\"#0b0c0c\" stroke-width=\"3\"/>"
            + "<text x=\"\(fmt(x + pixels + 6))\" y=\"\(fmt(y + 4))\" font-size=\"13\" fill=\"#0b0c0c\" font-family=\"sans-serif\">\(label)</text></g>"
    }

    /// A rough width of `text` in a sans-serif face at `size` px, for keeping labels apart
    /// and inside the drawing. Errs wide; there is no font metrics on the server.
    static func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", "t", "f", "r", ".", ",", ":", ";", "'", "|", "!", "(", ")", " ", "I": ems += 0.32
            case "m", "w", "M", "W", "@", "—", "£": ems += 0.86
            case "A"..."Z": ems += 0.68
            case "0"..."9": ems += 0.56
            default: ems += 0.54
            }
        }
        return ems * size * (bold ? 1.08 : 1)
    }

    /// An axis-aligned box, for crude label collision checks.
    struct Box {
        var x: Double, y: Double, width: Double, height: Double

        func overlaps(_ other: Box) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }

        func inside(width limitX: Double, height limitY: Double) -> Bool {
            x >= 0 && y >= 0 && x + width <= limitX && y + height <= limitY
        }
    }
}

/// Equirectangular projection scaled to fit: at a street's (or a city region's) scale the
/// earth is flat enough, once longitude is shrunk by the cosine of the latitude.
struct Projection {
    let minX: Double, maxY: Double, scale: Double, offsetX: Double, offsetY: Double, cosLat: Double

    init(points: [GeoPoint], width: Double, height: Double, padding: Double) {
        let meanLat = points.map(\.latitude).reduce(0, +) / Double(points.count)
        let cosine = cos(meanLat * .pi / 180)
        let xs = points.map { $0.longitude * cosine }, ys = points.map(\.latitude)
        let lowX = xs.min()!, highY = ys.max()!
        cosLat = cosine
        minX = lowX
        maxY = highY
        let spanX = max(xs.max()! - lowX, 1e-6), spanY = max(highY - ys.min()!, 1e-6)
        scale = min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY)
        offsetX = (width - spanX * scale) / 2
        offsetY = (height - spanY * scale) / 2
    }

    func xy(_ point: GeoPoint) -> (x: Double, y: Double) {
        (offsetX + (point.longitude * cosLat - minX) * scale, offsetY + (maxY - point.latitude) * scale)
    }

    /// One degree of latitude is about 111.2 km.
    var metresPerPixel: Double { 111_195 / scale }
}
