<?php
$n = 1500; $c = 0;
for ($i = 0; $i < $n; $i++) {
  for ($j = 0; $j < $n; $j++) {
    if (($i ^ $j) & 1) $c++;
  }
}
echo $c, "\n";
