# Seed 000, Example 4, as the seed wrote it (000_3ce05dfb52ddc774.txt),
# kept here so that the 05-pools notebook can race it against Go.
#
# One change: the last lines are under `if __name__ == "__main__":`.
# multiprocessing needs that guard wherever it starts its workers by
# running this file again (macOS, Windows, and Linux from Python 3.14),
# and it does not change what is timed.
from multiprocessing import Pool
import time

def sum_prime(num):
    sum_of_primes = 0

    ix = 2

    while ix <= num:
        if is_prime(ix):
            sum_of_primes += ix
        ix += 1

    return sum_of_primes


def is_prime(num):
    if num <= 1:
        return False
    elif num <= 3:
        return True
    elif num%2 == 0 or num%3 == 0:
        return False
    i = 5
    while i*i <= num:
        if num%i == 0 or num%(i+2) == 0:
            return False
        i += 6
    return True

if __name__ == "__main__":
    start = time.time()
    with Pool(2) as p:
        print(p.map(sum_prime,[1000000, 2000000, 3000000]))
    print("Time taken = {0:.5f}".format(time.time() - start))
    # try with 1,2,3 processes
