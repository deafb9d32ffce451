import Foundation

/// What a request gives a program besides its code: standard input and arguments.
///
/// Inputs are part of demand (a program summing `n` numbers costs what `n` says), so the model sees their size and
/// the magnitude of the numbers in them.
public struct RequestInput: Sendable, Codable, Equatable {
    /// Bytes of standard input.
    public var stdinBytes: Int
    /// Numbers found in standard input.
    public var stdinNumbers: Int
    /// log10 of the largest absolute number in standard input; 0 when none.
    public var stdinMaxNumberLog10: Double
    /// Command-line arguments.
    public var arguments: Int
    /// log10 of the largest absolute number among the arguments (a workload size `n`); 0 when none.
    public var argumentMaxNumberLog10: Double

    /// No input at all: empty stdin, no arguments (how the Rosetta labels were measured).
    public static let none = RequestInput(
        stdinBytes: 0, stdinNumbers: 0, stdinMaxNumberLog10: 0, arguments: 0,
        argumentMaxNumberLog10: 0)

    public init(
        stdinBytes: Int, stdinNumbers: Int, stdinMaxNumberLog10: Double, arguments: Int,
        argumentMaxNumberLog10: Double
    ) {
        self.stdinBytes = stdinBytes
        self.stdinNumbers = stdinNumbers
        self.stdinMaxNumberLog10 = stdinMaxNumberLog10
        self.arguments = arguments
        self.argumentMaxNumberLog10 = argumentMaxNumberLog10
    }

    /// Summarizes raw stdin bytes and arguments (numbers are scanned, not parsed, so any size is safe).
    public init(stdin: [UInt8] = [], arguments: [String] = []) {
        let scan = NumberScan(stdin)
        var argumentMax = 0.0
        for argument in arguments {
            argumentMax = max(argumentMax, NumberScan(Array(argument.utf8)).maxLog10)
        }
        self.init(
            stdinBytes: stdin.count, stdinNumbers: scan.count, stdinMaxNumberLog10: scan.maxLog10,
            arguments: arguments.count, argumentMaxNumberLog10: argumentMax)
    }
}

/// Counts runs of decimal digits and the log10 of the largest.
struct NumberScan {
    var count = 0
    var maxLog10 = 0.0

    init(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            guard bytes[index] >= 0x30, bytes[index] <= 0x39 else {
                index += 1
                continue
            }
            var digits = 0
            var leading = 0.0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if digits < 15 { leading = leading * 10 + Double(bytes[index] - 0x30) }
                digits += 1
                index += 1
            }
            count += 1
            let magnitude = digits <= 15 ? (leading > 0 ? log10(leading) : 0) : Double(digits - 1)
            maxLog10 = max(maxLog10, magnitude)
        }
    }
}
