extension DayRange {
    /// The parts of this range that none of `cuts` covers, in order: what is left of a quarter
    /// once paid lines are taken out, or of a funded run once contracts are.
    func removing(_ cuts: [DayRange]) -> [DayRange] {
        var pieces = [self]
        for cut in cuts {
            pieces = pieces.flatMap { piece -> [DayRange] in
                guard piece.overlaps(cut) else { return [piece] }
                var left: [DayRange] = []
                if piece.start < cut.start { left.append(DayRange(uncheckedStart: piece.start, end: cut.start.previous)) }
                if cut.end < piece.end { left.append(DayRange(uncheckedStart: cut.end.next, end: piece.end)) }
                return left
            }
        }
        return pieces
    }
}
