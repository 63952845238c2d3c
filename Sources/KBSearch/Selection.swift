extension Array {
    /// The first `count` elements of the array sorted by `areInIncreasingOrder`, in that order,
    /// without sorting the rest: each element is compared with the last one kept and only the
    /// few that beat it are inserted. The word-pair index answers hundreds of rows a search,
    /// of which 30 are kept, and sorting them all was 1.6% of a whole search's instructions.
    /// With a strict total order, the same elements as `sorted(by:).prefix(count)`.
    func smallest(_ count: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard count > 0 else { return [] }
        guard self.count > count else { return sorted(by: areInIncreasingOrder) }
        var kept = self[..<count].sorted(by: areInIncreasingOrder)
        for element in self[count...] where areInIncreasingOrder(element, kept[count - 1]) {
            var low = 0, high = count - 1
            while low < high {
                let middle = (low + high) / 2
                if areInIncreasingOrder(element, kept[middle]) { high = middle } else { low = middle + 1 }
            }
            kept.removeLast()
            kept.insert(element, at: low)
        }
        return kept
    }
}
