import Testing

@testable import ForewarmAnalysis

/// Functions of a Perl snippet as (name, start line, CCN).
private func perl(_ source: String) -> [(String, Int, Int)] {
    var analyzer = Analyzer()
    return analyzer.analyze(source, language: .perl).functions.map { ($0.name, $0.startLine, $0.cyclomatic) }
}

@Test func perlNamedSubsAndPackages() {
    let functions = perl(
        """
        package Counter;
        sub new {
            my ($class, %args) = @_;
            return bless { count => $args{start} || 0 }, $class;
        }
        sub bump { my $self = shift; $self->{count}++ if $self->{on} && 1; }
        sub later;
        """)
    #expect(functions.map(\.0) == ["Counter::new", "Counter::bump", "Counter::later"])
    #expect(functions.map(\.2) == [2, 3, 1])
}

@Test func perlTernaryCountsTwiceLikeLizard() {
    let functions = perl(
        """
        sub pick {
            my $x = shift;
            return $x ? 'yes' : 'no';
        }
        """)
    // `?` and `:` are conditions, and lizard's sub-body state adds one more for each.
    #expect(functions.first?.2 == 5)
}

@Test func perlAnonymousSubs() {
    let functions = perl(
        """
        my $handler = sub {
            my $n = shift;
            return $n unless $n;
        };
        """)
    #expect(functions.map(\.0) == ["$handler"])
    #expect(functions.first?.1 == 1)
    #expect(functions.first?.2 == 2)
}

@Test func perlRegexIsCodeLikeLizard() {
    let functions = perl(
        """
        sub cpus {
            my $n = 0;
            while (<STDIN>) { $n++ if /^processor\\s+:/; }
            return $n;
        }
        """)
    // lizard has no regex literals: the `:` inside counts (twice, in a sub body).
    #expect(functions.first?.2 == 5)
}
