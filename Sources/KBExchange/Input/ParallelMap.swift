import Dispatch


extension Array where Element: Sendable {
    /// `map` on all cores, results in input order. For CPU-bound work such as parsing.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    out[i] = transform(input[i])
                }
            }
        }
        return results.map { $0! }
    }
}
