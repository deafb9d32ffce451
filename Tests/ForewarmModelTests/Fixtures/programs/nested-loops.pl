my $n = 1500; my $c = 0;
for my $i (0..$n-1) {
  for my $j (0..$n-1) {
    $c++ if (($i ^ $j) & 1);
  }
}
print "$c\n";
